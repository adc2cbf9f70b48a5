namespace ConversationHub.Faq.Translations;

/// <summary>What an editor submits for one language: both texts filled saves, both empty removes the translation.</summary>
public sealed record FaqTranslationEdit(string? Language, string? Question, string? AnswerMarkdown);

/// <summary>Who saves a translation, for the audit log.</summary>
public sealed record FaqTranslationEditor(Guid? UserId, string? UserName, string? FromAddress);

/// <summary>The outcome of a save: <see cref="Errors"/> by field (<c>language</c>, <c>question</c>, <c>answer</c>) when nothing was saved.</summary>
public sealed record FaqTranslationSaveResult(bool FaqFound, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool Succeeded => FaqFound && Errors.Count == 0;
}
