namespace ConversationHub.Faq.Synonyms;

/// <summary>Rules for a dictionary an editor saves; messages are Japanese, for the editor's screen.</summary>
internal static class SynonymDictionaryValidator
{
    public const int MaxGroups = 2000;
    public const int MaxTermLength = 50;

    public static IReadOnlyList<string> Validate(IReadOnlyList<IReadOnlyList<string>> groups)
    {
        var errors = new List<string>();
        if (groups.Count > MaxGroups)
        {
            errors.Add($"同義語グループは{MaxGroups}件までです。");
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < groups.Count; i++)
        {
            var terms = groups[i].Select(t => (t ?? "").Trim()).ToList();
            if (terms.Count(t => t.Length > 0) < 2)
            {
                errors.Add($"{i + 1}番目のグループ: 2語以上を指定してください。");
            }

            foreach (var term in terms)
            {
                if (term.Length == 0 || term.Length > MaxTermLength || term.Contains('\n', StringComparison.Ordinal) || term.Any(char.IsControl))
                {
                    errors.Add($"{i + 1}番目のグループ: 語は1〜{MaxTermLength}文字で、改行や制御文字は使えません。");
                }
                else if (!seen.TryAdd(term, i) && seen[term] != i)
                {
                    errors.Add($"{i + 1}番目のグループ: 「{term}」は{seen[term] + 1}番目のグループにもあります。");
                }
            }
        }

        return errors;
    }
}
