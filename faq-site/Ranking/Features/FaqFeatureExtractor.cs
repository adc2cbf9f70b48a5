using ConversationHub.Faq.Search.Index;

namespace ConversationHub.Faq.Ranking.Features;

/// <summary>
/// Computes <see cref="FaqFeatureNames.All"/> for each first-stage candidate of a query, from the snapshot the
/// candidates came from: postings (per-field frequencies), field lengths, and the analysed question and answer
/// kept in the snapshot. Nothing reads the FAQ text again.
/// </summary>
internal sealed class FaqFeatureExtractor(IFaqSignals signals)
{
    private const int F = FieldTerms.FieldCount;

    public FaqFeatureExtractor()
        : this(NeutralFaqSignals.Instance)
    {
    }

    public static int FeatureCount => FaqFeatureNames.Count;

    /// <summary>Writes <c>candidates.Count × FeatureCount</c> values, row-major, into <paramref name="features"/>.</summary>
    public void Extract(FirstStageResult candidates, Span<float> features)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        if (features.Length != candidates.Count * FeatureCount)
            throw new ArgumentException($"Expected {candidates.Count} × {FeatureCount} values, got {features.Length}.", nameof(features));
        if (candidates.Count == 0)
            return;

        var snapshot = candidates.Snapshot;
        var query = candidates.Query;
        var words = QuerySpace.Create(snapshot.Words, query.Words, snapshot.LiveCount);
        var grams = QuerySpace.Create(snapshot.Grams, query.Grams, snapshot.LiveCount);
        var topScore = candidates.Scores[0];

        for (var rank = 0; rank < candidates.Count; rank++)
        {
            var slot = candidates.Slots[rank];
            var row = features.Slice(rank * FeatureCount, FeatureCount);
            row.Clear();
            var document = snapshot.Documents[slot]!;

            row[FaqFeatureNames.FirstStageScore] = candidates.Scores[rank];
            row[FaqFeatureNames.FirstStageRank] = rank + 1;
            row[FaqFeatureNames.FirstStageScoreRatio] = topScore > 0f ? candidates.Scores[rank] / topScore : 0f;

            words.Match(snapshot.Words, slot, row, FaqFeatureNames.Bm25Words, FaqFeatureNames.CoverageWords);
            grams.Match(snapshot.Grams, slot, row, FaqFeatureNames.Bm25Grams, coverageAt: -1);
            row[FaqFeatureNames.CoverageWordsAny] = words.CoverageAny;
            row[FaqFeatureNames.CoverageWordsIdfQuestion] = words.IdfCoverage(SearchField.Question);
            row[FaqFeatureNames.CoverageWordsIdfAnswer] = words.IdfCoverage(SearchField.Answer);
            row[FaqFeatureNames.CoverageGramsQuestion] = grams.Coverage(SearchField.Question);
            row[FaqFeatureNames.CoverageGramsAnswer] = grams.Coverage(SearchField.Answer);
            row[FaqFeatureNames.CoverageGramsIdf] = grams.IdfCoverage(SearchField.Question);
            row[FaqFeatureNames.CoverageGramsIdf + 1] = grams.IdfCoverage(SearchField.Answer);
            row[FaqFeatureNames.QuestionWordsMatched] = words.FieldMatchedShare(SearchField.Question);
            row[FaqFeatureNames.QuestionGramsMatched] = grams.FieldMatchedShare(SearchField.Question);
            row[FaqFeatureNames.SynonymMatch] = words.SynonymCoverage;
            row[FaqFeatureNames.MissingWordIdf] = words.MissingIdf(SearchField.Question);
            row[FaqFeatureNames.MissingWordIdf + 1] = words.MissingIdf(SearchField.Answer);
            row[FaqFeatureNames.MissingWordIdf + 2] = words.MissingIdfAnyField;

            var queryText = query.FoldedText.AsSpan();
            var lcs = LongestCommonSubstring.Length(queryText, document.QuestionText);
            row[FaqFeatureNames.LcsQueryRatio] = queryText.IsEmpty ? 0f : lcs / (float)Math.Min(queryText.Length, LongestCommonSubstring.MaxLength);
            row[FaqFeatureNames.LcsQuestionRatio] = document.QuestionText.Length == 0 ? 0f : lcs / (float)Math.Min(document.QuestionText.Length, LongestCommonSubstring.MaxLength);
            row[FaqFeatureNames.LcsParaphraseQueryRatio] = BestParaphraseLcs(queryText, document.ParaphraseTexts);
            row[FaqFeatureNames.LcsSubsequenceQueryRatio] = queryText.IsEmpty
                ? 0f
                : LongestCommonSubsequence.Length(queryText, document.QuestionText) / (float)Math.Min(queryText.Length, LongestCommonSubstring.MaxLength);
            // PERF: proximity needs two query words in the field; the postings already said how many it holds, so
            // most candidates skip the scan of their (long) answer.
            if (words.FoundIn(SearchField.Question) >= 2)
                row[FaqFeatureNames.ProximityQuestion] = ProximityWindow.Score(document.QuestionWords, words.TypedTerms);
            if (words.FoundIn(SearchField.Answer) >= 2)
                row[FaqFeatureNames.ProximityAnswer] = ProximityWindow.Score(document.AnswerWords, words.TypedTerms);

            row[FaqFeatureNames.QuestionLength] = MathF.Log(1f + snapshot.Words.FieldLengths[(slot * F) + (int)SearchField.Question]);
            row[FaqFeatureNames.AnswerLength] = MathF.Log(1f + snapshot.Words.FieldLengths[(slot * F) + (int)SearchField.Answer]);
            row[FaqFeatureNames.QueryWordCount] = words.TypedTerms.Count;
            row[FaqFeatureNames.QueryGramCount] = grams.TypedTerms.Count;
            row[FaqFeatureNames.QueryMeanIdf] = words.MeanTypedIdf;

            WriteSignals(row, signals.Get(query.FoldedText, document.Id));
        }

        ListwiseFeatures.Write(features, candidates.Count);
    }

    /// <summary>Writes the platform-signal features of one row (training replaces them per fold).</summary>
    public static void WriteSignals(Span<float> row, FaqSignalValues signal)
    {
        row[FaqFeatureNames.CategoryPrior] = signal.CategoryPrior;
        row[FaqFeatureNames.LogViews] = signal.LogViews;
        row[FaqFeatureNames.HelpfulRate] = signal.HelpfulRate;
        row[FaqFeatureNames.LogConfirmedQueries] = signal.LogConfirmedQueries;
        row[FaqFeatureNames.ConfirmedPair] = signal.ConfirmedPair ? 1f : 0f;
        row[FaqFeatureNames.ConfirmedQuerySimilarity] = signal.ConfirmedQuerySimilarity;
        row[FaqFeatureNames.ConfirmedQueryVotes] = signal.ConfirmedQueryVotes;
        row[FaqFeatureNames.ConfirmedQueryLead] = signal.ConfirmedQueryLead;
        row[FaqFeatureNames.ConfirmedQuerySecondSimilarity] = signal.ConfirmedQuerySecondSimilarity;
        row[FaqFeatureNames.NearestQueriesGrade] = signal.NearestQueriesGrade;
        row[FaqFeatureNames.NearestQueryReciprocalRank] = signal.NearestQueryReciprocalRank;
    }

    private static float BestParaphraseLcs(ReadOnlySpan<char> queryText, string[] paraphrases)
    {
        if (queryText.IsEmpty)
            return 0f;
        var best = 0;
        foreach (var paraphrase in paraphrases)
            best = Math.Max(best, LongestCommonSubstring.Length(queryText, paraphrase));
        return best / (float)Math.Min(queryText.Length, LongestCommonSubstring.MaxLength);
    }
}
