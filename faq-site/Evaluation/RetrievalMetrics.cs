namespace ConversationHub.Faq.Evaluation;

/// <summary>
/// Per-query ranking metrics. Grades: 2 = contains the answer (A), 1 = relevant (B). nDCG uses linear gain
/// (the grade) and log2 discount; MRR and recall count any judged document (grade ≥ 1) as relevant; Hit@k
/// counts grade-2 documents only.
/// </summary>
internal static class RetrievalMetrics
{
    public static double Ndcg(IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> judgements, int k)
    {
        double dcg = 0;
        for (var i = 0; i < Math.Min(k, ranked.Count); i++)
            dcg += Grade(judgements, ranked[i]) / Math.Log2(i + 2);

        var ideal = judgements.Values.Where(g => g > 0).OrderDescending().Take(k).ToArray();
        double idcg = 0;
        for (var i = 0; i < ideal.Length; i++)
            idcg += ideal[i] / Math.Log2(i + 2);
        return idcg == 0 ? 0 : dcg / idcg;
    }

    public static double ReciprocalRank(IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> judgements, int k)
    {
        for (var i = 0; i < Math.Min(k, ranked.Count); i++)
        {
            if (Grade(judgements, ranked[i]) > 0)
                return 1.0 / (i + 1);
        }

        return 0;
    }

    public static double Recall(IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> judgements, int k)
    {
        var relevant = judgements.Values.Count(g => g > 0);
        if (relevant == 0)
            return 0;
        var found = 0;
        for (var i = 0; i < Math.Min(k, ranked.Count); i++)
        {
            if (Grade(judgements, ranked[i]) > 0)
                found++;
        }

        return (double)found / relevant;
    }

    /// <summary>1 when a grade-2 document is among the first k, else 0.</summary>
    public static double HitA(IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> judgements, int k)
    {
        for (var i = 0; i < Math.Min(k, ranked.Count); i++)
        {
            if (Grade(judgements, ranked[i]) >= 2)
                return 1;
        }

        return 0;
    }

    public static bool HasGradeA(IReadOnlyDictionary<string, int> judgements) => judgements.Values.Any(g => g >= 2);

    private static int Grade(IReadOnlyDictionary<string, int> judgements, string id) =>
        judgements.TryGetValue(id, out var grade) ? grade : 0;
}
