namespace ConversationHub.Faq.Evaluation;

/// <summary>One evaluation query and its judgements (FAQ id → grade: 2 contains the answer, 1 is relevant).</summary>
internal sealed record EvalQuery(string Id, string Text, IReadOnlyDictionary<string, int> Judgements);
