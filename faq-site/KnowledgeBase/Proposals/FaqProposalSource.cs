namespace ConversationHub.Faq.KnowledgeBase.Proposals;

/// <summary>Where a proposal was made. Stored as the lower-case name.</summary>
public enum FaqProposalSource
{
    /// <summary>From a live chat in the agents' console (the conversation id is kept).</summary>
    Chat,

    /// <summary>From a case (the case id is kept).</summary>
    Case,

    /// <summary>From an FAQ page (the FAQ id is kept).</summary>
    FaqPage,

    /// <summary>Typed in a staff console without a conversation, case or page behind it.</summary>
    Console,
}
