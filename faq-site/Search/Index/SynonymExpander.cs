using ConversationHub.Faq.Search.Analysis;

namespace ConversationHub.Faq.Search.Index;

/// <summary>
/// Adds the terms of a synonym's other members to a query that contains one member. Members are matched
/// as substrings of the normalised, reading-folded query, so 個人番号カードの申請 finds 個人番号カード.
/// </summary>
internal sealed class SynonymExpander(ISynonymDictionary dictionary, JapaneseAnalyzer analyzer)
{
    private Compiled? _compiled;

    public void Expand(string foldedQuery, QueryTerms words, QueryTerms grams, float weight)
    {
        foreach (var member in OtherMembers(foldedQuery))
        {
            words.AddRange(member.Words, weight);
            grams.AddRange(member.Grams, weight);
        }
    }

    /// <summary>
    /// The synonyms a query brought in, normalised and reading-folded (for the results page to mark 個人番号カード when
    /// マイナンバーカード was asked).
    /// </summary>
    public IEnumerable<string> Phrases(string foldedQuery) => OtherMembers(foldedQuery).Select(m => m.Key);

    private IEnumerable<Member> OtherMembers(string foldedQuery)
    {
        var compiled = _compiled;
        var version = dictionary.Version;
        if (compiled is null || compiled.Version != version)
            _compiled = compiled = Compile(version);

        foreach (var group in compiled.Groups)
        {
            var matched = -1;
            for (var i = 0; i < group.Length && matched < 0; i++)
            {
                if (foldedQuery.Contains(group[i].Key, StringComparison.Ordinal))
                    matched = i;
            }

            if (matched < 0)
                continue;
            for (var i = 0; i < group.Length; i++)
            {
                if (i != matched)
                    yield return group[i];
            }
        }
    }

    public static string FoldForMatching(string text) => JapaneseNormalizer.FoldReading(JapaneseNormalizer.Normalize(text));

    private Compiled Compile(long version)
    {
        var groups = new List<Member[]>();
        foreach (var group in dictionary.Groups)
        {
            var members = new Member[group.Count];
            for (var i = 0; i < group.Count; i++)
            {
                var words = new List<string>();
                var grams = new List<string>();
                analyzer.Analyze(group[i], words, grams);
                members[i] = new Member(FoldForMatching(group[i]), words, grams);
            }

            groups.Add(members);
        }

        return new Compiled(version, groups);
    }

    private sealed record Member(string Key, List<string> Words, List<string> Grams);

    private sealed record Compiled(long Version, List<Member[]> Groups);
}
