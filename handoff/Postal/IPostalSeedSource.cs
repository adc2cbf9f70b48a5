namespace ConversationHub.Handoff.Postal;

/// <summary>
/// A dataset to load when none is stored and no <see cref="PostalOptions.Source"/> is set: the host's demo city
/// registers one (the jquery-jpostal-ja package fetched at build time). Loaded in the background after start.
/// </summary>
internal interface IPostalSeedSource
{
    /// <summary>Whether to seed at all (the demo can be turned off, and tests do).</summary>
    bool IsEnabled { get; }

    /// <summary>A name for the dataset's metadata, for example <c>npm:jquery-jpostal-ja@2.14.73</c>.</summary>
    string Name { get; }

    /// <summary>Reads the whole file (any format <see cref="PostalFileReader"/> accepts).</summary>
    Task<byte[]> ReadAsync(CancellationToken cancellationToken);
}
