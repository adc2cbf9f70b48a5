namespace ConversationHub.Testing;

/// <summary>
/// The throw-away PostgreSQL server that <c>test.sh</c> starts. Its admin connection string arrives in
/// <c>HUB_TEST_POSTGRES</c>; each test database is created on it and dropped afterwards.
/// </summary>
public static class TestPostgres
{
    public const string EnvironmentVariable = "HUB_TEST_POSTGRES";

    /// <summary>The admin connection string; fails the test (not skips it) when the server is not there.</summary>
    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{EnvironmentVariable} is not set: run the tests through ./test.sh, which starts PostgreSQL, " +
                "or start one with tests/postgres.sh start and export what it prints.");
}
