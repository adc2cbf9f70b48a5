namespace ConversationHub.Faq.Search.Index;

/// <summary>BM25F parameters of one term space.</summary>
internal sealed record SpaceParameters(
    float Weight,
    float K1,
    FieldParameters Question,
    FieldParameters Paraphrase,
    FieldParameters Answer,
    FieldParameters Keywords)
{
    public FieldParameters this[SearchField field] => field switch
    {
        SearchField.Question => Question,
        SearchField.Paraphrase => Paraphrase,
        SearchField.Answer => Answer,
        _ => Keywords,
    };
}
