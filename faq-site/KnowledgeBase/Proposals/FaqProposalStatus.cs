namespace ConversationHub.Faq.KnowledgeBase.Proposals;

/// <summary>Where an FAQ proposal (FAQ 提案) stands in the editors' queue. Stored as the lower-case name.</summary>
public enum FaqProposalStatus
{
    /// <summary>新規: waiting for an editor.</summary>
    New,

    /// <summary>採用: turned into a draft FAQ or a new revision of the FAQ it names.</summary>
    Accepted,

    /// <summary>却下: declined, with the editor's reason.</summary>
    Rejected,
}
