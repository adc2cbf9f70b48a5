using System.Collections.Immutable;

namespace ConversationHub.Faq.Ranking.Features;

/// <summary>
/// The re-ranking features, in the order the extractor writes them and a model reads them. A model file lists
/// the names it was trained on; loading one whose list differs from <see cref="All"/> fails, so renaming,
/// adding, removing or reordering a feature here means retraining.
/// </summary>
internal static class FaqFeatureNames
{
    public const int FirstStageScore = 0;
    public const int FirstStageRank = 1;
    public const int FirstStageScoreRatio = 2;

    /// <summary>Per-field BM25 on words: question, paraphrase, answer, keywords (4 values from here).</summary>
    public const int Bm25Words = 3;

    /// <summary>Per-field BM25 on bigrams (4 values).</summary>
    public const int Bm25Grams = 7;

    /// <summary>Share of the typed query words found in each field (4 values).</summary>
    public const int CoverageWords = 11;

    public const int CoverageWordsAny = 15;
    public const int CoverageWordsIdfQuestion = 16;
    public const int CoverageWordsIdfAnswer = 17;
    public const int CoverageGramsQuestion = 18;
    public const int CoverageGramsAnswer = 19;

    /// <summary>Share of the question's words (tokens) that are query words: high when the query restates the question.</summary>
    public const int QuestionWordsMatched = 20;
    public const int QuestionGramsMatched = 21;
    public const int LcsQueryRatio = 22;
    public const int LcsQuestionRatio = 23;
    public const int LcsParaphraseQueryRatio = 24;
    public const int ProximityQuestion = 25;
    public const int ProximityAnswer = 26;
    public const int SynonymMatch = 27;
    public const int QuestionLength = 28;
    public const int AnswerLength = 29;
    public const int QueryWordCount = 30;
    public const int QueryGramCount = 31;
    public const int QueryMeanIdf = 32;
    public const int CategoryPrior = 33;
    public const int LogViews = 34;
    public const int HelpfulRate = 35;
    public const int LogConfirmedQueries = 36;
    public const int ConfirmedPair = 37;

    /// <summary>The highest character-bigram Dice similarity of the query to another query confirmed to this FAQ.</summary>
    public const int ConfirmedQuerySimilarity = 38;
    public const int ConfirmedQueryVotes = 39;
    public const int ConfirmedQueryLead = 40;

    /// <summary>
    /// Question and answer BM25 on words, then on bigrams (4 values), each divided by its largest value among the
    /// query's candidates: where this candidate stands against the others for this query, whatever the query's
    /// own score scale.
    /// </summary>
    public const int Bm25ListShare = 41;

    /// <summary>IDF-weighted share of the query's bigrams found in the question, then in the answer (2 values).</summary>
    public const int CoverageGramsIdf = 45;

    /// <summary>Longest common subsequence of the query and the question over the query's length: word order kept, gaps allowed.</summary>
    public const int LcsSubsequenceQueryRatio = 47;

    // Listwise (ListwiseFeatures): where the candidate stands among this query's candidates.

    /// <summary>First-stage score in standard deviations from the list's mean.</summary>
    public const int FirstStageScoreZ = 48;

    /// <summary>First-stage score minus the next candidate's, over the top score: a clear step down after this one.</summary>
    public const int FirstStageGapToNext = 49;
    public const int LcsQueryRatioZ = 50;

    /// <summary>The list's best <see cref="LcsQueryRatio"/> minus this candidate's.</summary>
    public const int LcsQueryRatioGapToBest = 51;
    public const int CoverageWordsIdfQuestionZ = 52;
    public const int CoverageGramsIdfQuestionZ = 53;
    public const int ConfirmedQuerySimilarityZ = 54;

    /// <summary>1 + the candidates with a higher <see cref="ConfirmedQuerySimilarity"/>.</summary>
    public const int ConfirmedQuerySimilarityRank = 55;
    public const int ConfirmedQueryVotesListShare = 56;

    /// <summary>
    /// The IDF of the rarest typed query word the question lacks, over that of the query's rarest word (1: the
    /// query's most specific word is not in the question); then the same for the answer, and for all fields (3 values).
    /// </summary>
    public const int MissingWordIdf = 57;

    /// <summary>The second highest <see cref="ConfirmedQuerySimilarity"/> among this FAQ's confirmed queries.</summary>
    public const int ConfirmedQuerySecondSimilarity = 60;

    /// <summary>The similarity-weighted mean grade the nearest confirmed queries give this FAQ (a k-nearest-neighbour vote).</summary>
    public const int NearestQueriesGrade = 61;
    public const int NearestQueryReciprocalRank = 62;

    public static ImmutableArray<string> All { get; } =
    [
        "first_stage_score",
        "first_stage_rank",
        "first_stage_score_ratio",
        "bm25_words_question",
        "bm25_words_paraphrase",
        "bm25_words_answer",
        "bm25_words_keywords",
        "bm25_grams_question",
        "bm25_grams_paraphrase",
        "bm25_grams_answer",
        "bm25_grams_keywords",
        "coverage_words_question",
        "coverage_words_paraphrase",
        "coverage_words_answer",
        "coverage_words_keywords",
        "coverage_words_any",
        "coverage_words_idf_question",
        "coverage_words_idf_answer",
        "coverage_grams_question",
        "coverage_grams_answer",
        "question_words_matched",
        "question_grams_matched",
        "lcs_query_ratio",
        "lcs_question_ratio",
        "lcs_paraphrase_query_ratio",
        "proximity_question",
        "proximity_answer",
        "synonym_match",
        "question_length_log",
        "answer_length_log",
        "query_word_count",
        "query_gram_count",
        "query_mean_idf",
        "category_prior",
        "log_views",
        "helpful_rate",
        "log_confirmed_queries",
        "confirmed_pair",
        "confirmed_query_similarity",
        "confirmed_query_votes",
        "confirmed_query_lead",
        "bm25_words_question_list_share",
        "bm25_words_answer_list_share",
        "bm25_grams_question_list_share",
        "bm25_grams_answer_list_share",
        "coverage_grams_idf_question",
        "coverage_grams_idf_answer",
        "lcs_subsequence_query_ratio",
        "first_stage_score_z",
        "first_stage_gap_to_next",
        "lcs_query_ratio_z",
        "lcs_query_ratio_gap_to_best",
        "coverage_words_idf_question_z",
        "coverage_grams_idf_question_z",
        "confirmed_query_similarity_z",
        "confirmed_query_similarity_rank",
        "confirmed_query_votes_list_share",
        "missing_word_idf_question",
        "missing_word_idf_answer",
        "missing_word_idf_any_field",
        "confirmed_query_second_similarity",
        "nearest_queries_grade",
        "nearest_query_reciprocal_rank",
    ];

    public static int Count => All.Length;
}
