using ConversationHub.Faq.Ranking.Features;
using ConversationHub.Faq.Search.Analysis;
using ConversationHub.Faq.Search.Index;

namespace ConversationHub.Faq.Tests.Ranking.Features;

public sealed class FaqFeatureExtractorTests
{
    private static FaqSearchIndex CreateIndex()
    {
        var index = new FaqSearchIndex(new JapaneseAnalyzer(), Bm25FParameters.Default, new InMemorySynonymDictionary());
        index.Rebuild(
        [
            new SearchDocument("passport", "パスポートの申請", "申請には写真が必要です。"),
            new SearchDocument("garbage", "ゴミの出し方", "燃えるゴミは月曜日です。パスポートとは関係ありません。"),
            new SearchDocument("library", "図書館の利用", "貸出は二週間です。"),
        ]);
        return index;
    }

    private static float[] Row(float[] features, int rank) =>
        features.AsSpan(rank * FaqFeatureNames.Count, FaqFeatureNames.Count).ToArray();

    [Fact]
    public void Extract_QueryRestatesQuestion_FullCoverageAndBm25OnlyInMatchingFields()
    {
        // Arrange
        var candidates = CreateIndex().Retrieve("パスポートの申請", 10);
        var features = new float[candidates.Count * FaqFeatureNames.Count];

        // Act
        new FaqFeatureExtractor().Extract(candidates, features);

        // Assert
        Assert.Equal("passport", candidates.DocumentId(0));
        var top = Row(features, 0);
        Assert.Equal(1f, top[FaqFeatureNames.FirstStageRank]);
        Assert.Equal(1f, top[FaqFeatureNames.FirstStageScoreRatio]);
        Assert.Equal(1f, top[FaqFeatureNames.CoverageWords + (int)SearchField.Question]);
        Assert.Equal(1f, top[FaqFeatureNames.CoverageWordsAny]);
        Assert.Equal(1f, top[FaqFeatureNames.CoverageGramsQuestion]);
        Assert.Equal(1f, top[FaqFeatureNames.LcsQueryRatio]);
        Assert.Equal(1f, top[FaqFeatureNames.LcsQuestionRatio]);
        Assert.Equal(1f, top[FaqFeatureNames.ProximityQuestion]);
        Assert.True(top[FaqFeatureNames.Bm25Words + (int)SearchField.Question] > 0f);
        Assert.Equal(0f, top[FaqFeatureNames.Bm25Words + (int)SearchField.Paraphrase]);
        Assert.Equal(0f, top[FaqFeatureNames.Bm25Words + (int)SearchField.Keywords]);
        Assert.Equal(2f, top[FaqFeatureNames.QueryWordCount]);

        // パスポート occurs only in the answer of the garbage FAQ: answer BM25 and coverage, nothing for the question.
        var garbage = Row(features, 1);
        Assert.Equal("garbage", candidates.DocumentId(1));
        Assert.Equal(0f, garbage[FaqFeatureNames.Bm25Words + (int)SearchField.Question]);
        Assert.True(garbage[FaqFeatureNames.Bm25Words + (int)SearchField.Answer] > 0f);
        Assert.Equal(0.5f, garbage[FaqFeatureNames.CoverageWords + (int)SearchField.Answer]);
        Assert.Equal(0f, garbage[FaqFeatureNames.CoverageWords + (int)SearchField.Question]);
        Assert.Equal(0f, garbage[FaqFeatureNames.ProximityAnswer]);
        Assert.Equal(2f, garbage[FaqFeatureNames.FirstStageRank]);
    }

    [Fact]
    public void Extract_ListShares_AreEachFieldsBm25OverTheBestCandidates()
    {
        // Arrange
        var candidates = CreateIndex().Retrieve("パスポートの申請", 10);
        var features = new float[candidates.Count * FaqFeatureNames.Count];

        // Act
        new FaqFeatureExtractor().Extract(candidates, features);

        // Assert: the passport FAQ holds the best question match, the garbage FAQ the only answer match of パスポート.
        var (top, garbage) = (Row(features, 0), Row(features, 1));
        Assert.Equal(1f, top[FaqFeatureNames.Bm25ListShare]);
        Assert.Equal(0f, garbage[FaqFeatureNames.Bm25ListShare]);
        var answerShare = FaqFeatureNames.Bm25ListShare + 1;
        var bestAnswer = Math.Max(top[FaqFeatureNames.Bm25Words + (int)SearchField.Answer], garbage[FaqFeatureNames.Bm25Words + (int)SearchField.Answer]);
        Assert.Equal(garbage[FaqFeatureNames.Bm25Words + (int)SearchField.Answer] / bestAnswer, garbage[answerShare]);
        Assert.Equal(1f, Math.Max(top[answerShare], garbage[answerShare]));
        Assert.Equal(1f, top[FaqFeatureNames.CoverageGramsIdf]);
        Assert.Equal(1f, top[FaqFeatureNames.LcsSubsequenceQueryRatio]);
        Assert.InRange(garbage[FaqFeatureNames.LcsSubsequenceQueryRatio], 0f, 0.99f);
    }

    [Fact]
    public void Extract_NoPlatformSignals_WritesNeutralValues()
    {
        // Arrange
        var candidates = CreateIndex().Retrieve("図書館", 10);
        var features = new float[candidates.Count * FaqFeatureNames.Count];

        // Act
        new FaqFeatureExtractor().Extract(candidates, features);

        // Assert
        var row = Row(features, 0);
        Assert.Equal(0f, row[FaqFeatureNames.CategoryPrior]);
        Assert.Equal(0f, row[FaqFeatureNames.LogViews]);
        Assert.Equal(0.5f, row[FaqFeatureNames.HelpfulRate]);
        Assert.Equal(0f, row[FaqFeatureNames.LogConfirmedQueries]);
        Assert.Equal(0f, row[FaqFeatureNames.ConfirmedPair]);
    }

    [Fact]
    public void Extract_SynonymOnlyTerm_CountsAsSynonymMatchNotCoverage()
    {
        // Arrange
        var synonyms = new InMemorySynonymDictionary([["旅券", "パスポート"]]);
        var index = new FaqSearchIndex(new JapaneseAnalyzer(), Bm25FParameters.Default, synonyms);
        index.Rebuild([new SearchDocument("passport", "パスポートの申請", "窓口へ")]);
        var candidates = index.Retrieve("旅券", 10);
        var features = new float[candidates.Count * FaqFeatureNames.Count];

        // Act
        new FaqFeatureExtractor().Extract(candidates, features);

        // Assert
        var row = Row(features, 0);
        Assert.True(row[FaqFeatureNames.SynonymMatch] > 0f);
        Assert.Equal(0f, row[FaqFeatureNames.CoverageWordsAny]);
    }

    [Fact]
    public void All_Names_AreUniqueAndMatchTheIndexConstants()
    {
        Assert.Equal(FaqFeatureNames.Count, FaqFeatureNames.All.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("bm25_words_question", FaqFeatureNames.All[FaqFeatureNames.Bm25Words]);
        Assert.Equal("bm25_grams_question", FaqFeatureNames.All[FaqFeatureNames.Bm25Grams]);
        Assert.Equal("coverage_words_question", FaqFeatureNames.All[FaqFeatureNames.CoverageWords]);
        Assert.Equal("lcs_query_ratio", FaqFeatureNames.All[FaqFeatureNames.LcsQueryRatio]);
        Assert.Equal("query_mean_idf", FaqFeatureNames.All[FaqFeatureNames.QueryMeanIdf]);
        Assert.Equal("confirmed_query_similarity", FaqFeatureNames.All[FaqFeatureNames.ConfirmedQuerySimilarity]);
        Assert.Equal("bm25_words_question_list_share", FaqFeatureNames.All[FaqFeatureNames.Bm25ListShare]);
        Assert.Equal("coverage_grams_idf_question", FaqFeatureNames.All[FaqFeatureNames.CoverageGramsIdf]);
        Assert.Equal("first_stage_score_z", FaqFeatureNames.All[FaqFeatureNames.FirstStageScoreZ]);
        Assert.Equal("lcs_query_ratio_gap_to_best", FaqFeatureNames.All[FaqFeatureNames.LcsQueryRatioGapToBest]);
        Assert.Equal("confirmed_query_similarity_rank", FaqFeatureNames.All[FaqFeatureNames.ConfirmedQuerySimilarityRank]);
        Assert.Equal("confirmed_query_votes_list_share", FaqFeatureNames.All[FaqFeatureNames.ConfirmedQueryVotesListShare]);
        Assert.Equal("missing_word_idf_question", FaqFeatureNames.All[FaqFeatureNames.MissingWordIdf]);
        Assert.Equal("confirmed_query_second_similarity", FaqFeatureNames.All[FaqFeatureNames.ConfirmedQuerySecondSimilarity]);
        Assert.Equal("nearest_queries_grade", FaqFeatureNames.All[FaqFeatureNames.NearestQueriesGrade]);
        Assert.Equal("nearest_query_reciprocal_rank", FaqFeatureNames.All[FaqFeatureNames.NearestQueryReciprocalRank]);
        Assert.Equal(FaqFeatureNames.NearestQueryReciprocalRank + 1, FaqFeatureNames.Count);
    }

    [Fact]
    public void Extract_MissingWordIdf_OneWhereTheRarestQueryWordIsAbsent()
    {
        // Arrange: 申請 is in one FAQ (the rarest query word), パスポート in two.
        var candidates = CreateIndex().Retrieve("パスポートの申請", 10);
        var features = new float[candidates.Count * FaqFeatureNames.Count];

        // Act
        new FaqFeatureExtractor().Extract(candidates, features);

        // Assert: the passport FAQ's question holds both words, its answer only 申請; the garbage FAQ lacks 申請.
        var (top, garbage) = (Row(features, 0), Row(features, 1));
        Assert.Equal(0f, top[FaqFeatureNames.MissingWordIdf + 0]);
        Assert.InRange(top[FaqFeatureNames.MissingWordIdf + 1], 0.01f, 0.99f);
        Assert.Equal(0f, top[FaqFeatureNames.MissingWordIdf + 2]);
        Assert.Equal(1f, garbage[FaqFeatureNames.MissingWordIdf + 0]);
        Assert.Equal(1f, garbage[FaqFeatureNames.MissingWordIdf + 1]);
        Assert.Equal(1f, garbage[FaqFeatureNames.MissingWordIdf + 2]);
    }
}
