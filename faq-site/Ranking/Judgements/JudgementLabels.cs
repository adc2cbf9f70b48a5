using ConversationHub.Faq.Search.Index;

namespace ConversationHub.Faq.Ranking.Judgements;

/// <summary>
/// Turns stored judgements into training labels: per query (folded for matching) a grade per FAQ.
/// <list type="bullet">
/// <item>An editor's decision on a candidate replaces the candidate (a rejection removes it).</item>
/// <item>Editors' mappings and paraphrases and agents' confirmations are grades as given; the latest wins.</item>
/// <item>Citizens' signals (feedback, clicks) count only where no staff grade exists. A click is position-debiased by
/// inverse propensity: under a 1/position examination model, a click at position p weighs p (capped), so one
/// click far down the list says as much as several at the top. Evidence of <see cref="RelevantEvidence"/> makes
/// grade 1, of <see cref="AnswerEvidence"/> grade 2.</item>
/// </list>
/// </summary>
internal static class JudgementLabels
{
    public const double RelevantEvidence = 1.0;
    public const double AnswerEvidence = 4.0;

    /// <summary>Weights stop growing past this position, so one stray click deep in a list cannot dominate.</summary>
    public const int MaxPropensityPosition = 10;

    /// <summary>Inverse-propensity weight of one click at a 1-based position.</summary>
    public static double ClickWeight(int position) => Math.Clamp(position, 1, MaxPropensityPosition);

    /// <summary>Labels keyed by folded query text, then by search document id (<c>N</c>-formatted FAQ id).</summary>
    public static SortedDictionary<string, Dictionary<string, int>> Build(IReadOnlyList<RankingJudgement> judgements)
    {
        ArgumentNullException.ThrowIfNull(judgements);
        var reviewed = judgements.Where(j => j.ReviewOfId is not null).Select(j => j.ReviewOfId!.Value).ToHashSet();
        var staff = new Dictionary<(string, Guid), (long Id, int Grade)>();
        var citizens = new Dictionary<(string, Guid), double>();
        foreach (var j in judgements)
        {
            if (reviewed.Contains(j.Id))
                continue;
            var key = (SynonymExpander.FoldForMatching(j.Query), j.FaqId);
            if (key.Item1.Length == 0)
                continue;
            if (IsStaff(j.Source))
            {
                if (!staff.TryGetValue(key, out var known) || known.Id < j.Id)
                    staff[key] = (j.Id, j.Grade);
                continue;
            }

            var evidence = j.Source is JudgementSource.SearchClick or JudgementSource.SuggestionClick
                ? ClickWeight(j.Position ?? 1)
                : j.Grade;
            citizens[key] = citizens.GetValueOrDefault(key) + evidence;
        }

        var labels = new SortedDictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var ((query, faq), (_, grade)) in staff)
            Label(labels, query)[faq.ToString("N")] = grade;
        foreach (var ((query, faq), evidence) in citizens)
        {
            if (staff.ContainsKey((query, faq)))
                continue;
            var grade = evidence >= AnswerEvidence ? 2 : evidence >= RelevantEvidence ? 1 : 0;
            Label(labels, query)[faq.ToString("N")] = grade;
        }

        return labels;
    }

    public static bool IsStaff(JudgementSource source) =>
        source is JudgementSource.EditorMapping or JudgementSource.EditorParaphrase or JudgementSource.AgentConfirmed;

    private static Dictionary<string, int> Label(SortedDictionary<string, Dictionary<string, int>> labels, string query)
    {
        if (!labels.TryGetValue(query, out var faqs))
            labels.Add(query, faqs = new Dictionary<string, int>(StringComparer.Ordinal));
        return faqs;
    }
}
