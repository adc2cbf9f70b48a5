namespace ConversationHub.Handoff.Postal;

/// <summary>
/// The postal code lookup the module's forms call (case contact form, citizens' inquiry form): in memory, no database,
/// thread-safe, well under a microsecond. Singleton; the index behind it is swapped whole when a dataset is loaded
/// here or on another node.
/// </summary>
/// <example><code>
/// var candidates = postalCodes.Find("〒060-0042"); // [{ Prefecture = 北海道, City = 札幌市中央区, Town = 大通西, … }]
/// if (candidates.Count == 1) { address = candidates[0].Address; }
/// </code></example>
internal sealed class PostalCodeDirectory
{
    private volatile Snapshot _current = new(PostalIndex.Empty, null, TimeSpan.Zero);

    /// <summary>What this node serves, or null before a dataset is loaded.</summary>
    public PostalDatasetInfo? Dataset => _current.Info;

    /// <summary>How long this node took to build its index, for the dataset endpoint and the benchmark.</summary>
    public TimeSpan IndexBuildTime => _current.BuildTime;

    /// <summary>
    /// The candidates of a code typed in any usual way (<c>1234567</c>, <c>123-4567</c>, <c>〒１２３－４５６７</c>); empty when
    /// the input is not a postal code, the code is unknown or no dataset is loaded yet. Use
    /// <see cref="PostalCode.TryNormalize"/> first to tell the citizen why an input is not a code.
    /// </summary>
    public IReadOnlyList<PostalAddress> Find(string? code) =>
        PostalCode.TryNormalize(code, out var digits, out _, out _) ? _current.Index.Find(digits) : [];

    /// <summary>Serves <paramref name="index"/> from now on (readers in flight finish on the previous one).</summary>
    internal void Publish(PostalIndex index, PostalDatasetInfo info, TimeSpan buildTime)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(info);
        _current = new Snapshot(index, info, buildTime);
    }

    /// <summary>Whether <paramref name="stored"/> is the dataset this node already serves.</summary>
    internal bool Serves(PostalDatasetInfo? stored) =>
        _current.Info is { } served && stored is not null && served.Sha256 == stored.Sha256 && served.LoadedAtUtc == stored.LoadedAtUtc;

    private sealed record Snapshot(PostalIndex Index, PostalDatasetInfo? Info, TimeSpan BuildTime);
}
