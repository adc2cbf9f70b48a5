namespace ConversationHub.Faq.Search.Index;

/// <summary>A synonym dictionary held in memory; editors' persistent storage will feed it through <see cref="Replace"/>.</summary>
internal sealed class InMemorySynonymDictionary : ISynonymDictionary
{
    private readonly Lock _lock = new();
    private IReadOnlyList<IReadOnlyList<string>> _groups = [];
    private long _version;

    public InMemorySynonymDictionary()
    {
    }

    public InMemorySynonymDictionary(IEnumerable<IEnumerable<string>> groups) => Replace(groups);

    public long Version => Interlocked.Read(ref _version);

    public IReadOnlyList<IReadOnlyList<string>> Groups => Volatile.Read(ref _groups);

    /// <summary>Replaces all groups; groups with fewer than two distinct non-blank members are dropped.</summary>
    public void Replace(IEnumerable<IEnumerable<string>> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var cleaned = new List<IReadOnlyList<string>>();
        foreach (var group in groups)
        {
            var members = group.Where(m => !string.IsNullOrWhiteSpace(m)).Select(m => m.Trim()).Distinct(StringComparer.Ordinal).ToArray();
            if (members.Length >= 2)
                cleaned.Add(members);
        }

        lock (_lock)
        {
            Volatile.Write(ref _groups, cleaned);
            Interlocked.Increment(ref _version);
        }
    }

    /// <summary>Adds one group of equivalent terms.</summary>
    public void Add(params string[] members)
    {
        lock (_lock)
            Replace([.. _groups, members]);
    }
}
