namespace ConversationHub.Faq.KnowledgeBase.Domain;

/// <summary>Where a citizen rated an answer. Stored in lower case (<c>site</c>, <c>chat</c>, <c>line</c>).</summary>
public enum FaqFeedbackChannel
{
    /// <summary>The public FAQ site.</summary>
    Site,

    /// <summary>The web chat widget.</summary>
    Chat,

    /// <summary>LINE.</summary>
    Line,
}
