using ConversationHub.Faq.Search.Index;

namespace ConversationHub.Faq.Evaluation;

/// <summary>A corpus of FAQs and the judged queries to run against it.</summary>
internal sealed record EvalDataset(IReadOnlyList<SearchDocument> Documents, IReadOnlyList<EvalQuery> Queries);
