namespace ConversationHub.Testing;

/// <summary>
/// Where the checkout is (the folder holding ConversationHub.sln), found from the test binaries upwards: the npm peers
/// in tests/js and the artifacts folder are located from it.
/// </summary>
public static class Checkout
{
    /// <summary>The checkout's root, or null when the tests run outside a checkout.</summary>
    public static string? TryFindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ConversationHub.sln")))
            {
                return directory.FullName;
            }
        }

        return null;
    }

    /// <summary>The checkout's root; throws when there is none.</summary>
    public static string Root() =>
        TryFindRoot() ?? throw new InvalidOperationException($"ConversationHub.sln was not found above {AppContext.BaseDirectory}.");
}
