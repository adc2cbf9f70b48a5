namespace ConversationHub.Faq.Search.Analysis;

/// <summary>
/// Common spelling variants of the same word in city-hall Japanese (送り仮名, 箇/ヶ/か counters), rewritten to
/// one form before segmentation so that 申し込み, 申込み and 申込 index as one word. Editors' synonyms are a
/// separate, query-time mechanism (<see cref="Index.ISynonymDictionary"/>); this list is spelling only.
/// </summary>
internal static class OrthographicVariants
{
    // Longest variant first within each group, so that 申し込み is not half-rewritten by 申込み.
    private static readonly (string Variant, string Canonical)[] Rewrites =
    [
        ("ヶ月", "か月"), ("ヵ月", "か月"), ("カ月", "か月"), ("ケ月", "か月"), ("箇月", "か月"),
        ("ヶ所", "か所"), ("ヵ所", "か所"), ("カ所", "か所"), ("箇所", "か所"),
        ("申し込み", "申込"), ("申込み", "申込"), ("申し込", "申込"),
        ("問い合わせ", "問合せ"), ("問い合せ", "問合せ"), ("問合わせ", "問合せ"),
        ("引っ越し", "引越"), ("引越し", "引越"), ("引っ越", "引越"),
        ("受け付け", "受付"), ("受付け", "受付"), ("受け付", "受付"),
        ("手続き", "手続"),
        ("取り扱い", "取扱"), ("取扱い", "取扱"),
        ("振り込み", "振込"), ("振込み", "振込"),
        ("届け出", "届出"),
        ("支払い", "支払"),
        ("受け取り", "受取"), ("受取り", "受取"),
        ("貸し出し", "貸出"), ("貸出し", "貸出"),
        ("締め切り", "締切"), ("締切り", "締切"),
        ("払い戻し", "払戻"), ("払戻し", "払戻"),
        ("子供", "子ども"), ("こども", "子ども"),
        ("障がい", "障害"), ("障碍", "障害"),
    ];

    /// <summary>
    /// The spellings that <see cref="Rewrite"/> turns into <paramref name="rewritten"/>'s canonical forms (引越 → 引っ越し,
    /// 引越し), so that text can be searched for a word as its writer spelled it.
    /// </summary>
    public static IEnumerable<string> SpellingsOf(string rewritten)
    {
        ArgumentNullException.ThrowIfNull(rewritten);
        foreach (var (variant, canonical) in Rewrites)
        {
            if (rewritten.Contains(canonical, StringComparison.Ordinal))
                yield return rewritten.Replace(canonical, variant, StringComparison.Ordinal);
        }
    }

    public static string Rewrite(string text)
    {
        foreach (var (variant, canonical) in Rewrites)
        {
            // PERF: the IndexOf pre-check is vectorised and skips the allocation in the common no-hit case.
            if (text.Contains(variant, StringComparison.Ordinal))
                text = text.Replace(variant, canonical, StringComparison.Ordinal);
        }

        return text;
    }
}
