using System.Collections.Frozen;

namespace ConversationHub.Handoff.Postal;

/// <summary>
/// The in-memory lookup of one dataset: a frozen dictionary from the code as an integer to its candidates. Built once
/// per dataset (for the whole country, about 124,000 entries: 0.5–1 s with decoding, 29 MB of managed heap, on 2 shared cores; see <c>postal bench</c>) and then only read, so
/// lookups take no lock and never touch the database.
/// </summary>
internal sealed class PostalIndex
{
    private readonly FrozenDictionary<int, PostalAddress[]> _byCode;

    private PostalIndex(FrozenDictionary<int, PostalAddress[]> byCode, int entryCount)
    {
        _byCode = byCode;
        EntryCount = entryCount;
    }

    /// <summary>An index with no codes (before any dataset is loaded).</summary>
    public static PostalIndex Empty { get; } = new(FrozenDictionary<int, PostalAddress[]>.Empty, 0);

    public int CodeCount => _byCode.Count;

    public int EntryCount { get; }

    /// <summary>
    /// Builds the index. Strings repeated across entries (a prefecture 47 times over, a city hundreds of times, the code
    /// of each candidate) are shared, which is most of the memory saved.
    /// </summary>
    public static PostalIndex Build(IReadOnlyList<PostalAddress> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var pool = new Dictionary<string, string>(StringComparer.Ordinal);
        string Share(string s) => s.Length == 0 ? string.Empty : pool.TryGetValue(s, out var shared) ? shared : pool[s] = s;

        var groups = new Dictionary<int, List<PostalAddress>>(entries.Count);
        foreach (var e in entries)
        {
            var key = PostalCode.ToKey(e.Code);
            if (!groups.TryGetValue(key, out var list))
            {
                groups[key] = list = new List<PostalAddress>(1);
            }

            list.Add(new PostalAddress(Share(e.Code), Share(e.Prefecture), Share(e.City), Share(e.Town), Share(e.PrefectureKana), Share(e.CityKana), Share(e.TownKana)));
        }

        return new PostalIndex(groups.ToFrozenDictionary(g => g.Key, g => g.Value.ToArray()), entries.Count);
    }

    /// <summary>The candidates of a normalized 7-digit code; empty when unknown.</summary>
    public IReadOnlyList<PostalAddress> Find(string sevenDigits) =>
        _byCode.TryGetValue(PostalCode.ToKey(sevenDigits), out var candidates) ? candidates : [];
}
