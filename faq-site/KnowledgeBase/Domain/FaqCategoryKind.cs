namespace ConversationHub.Faq.KnowledgeBase.Domain;

/// <summary>The axes an FAQ is classified on. Stored as its name.</summary>
public enum FaqCategoryKind
{
    /// <summary>ライフイベント: 引っ越し, 出産, …</summary>
    LifeEvent,

    /// <summary>分野: 税, ごみ・リサイクル, …</summary>
    Field,

    /// <summary>Free keywords used for search and related FAQs.</summary>
    Keyword,
}
