namespace ConversationHub.Faq.KnowledgeBase.Domain;

/// <summary>
/// Words that mean the same to citizens (マイナンバーカード = 個人番号カード), applied to queries at search time.
/// Edited by FAQ editors; every node reloads the dictionary when it changes.
/// </summary>
public sealed class FaqSynonymGroup(string terms)
{
    public const char Separator = '\n';

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    /// <summary>The members, one per line.</summary>
    public string Terms { get; set; } = terms;

    public DateTime UpdatedAtUtc { get; set; } = DateTime.UtcNow;

    /// <summary>The editor who saved the dictionary; null for seeds.</summary>
    public Guid? UpdatedBy { get; set; }

    public IReadOnlyList<string> Members => Terms.Split(Separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
