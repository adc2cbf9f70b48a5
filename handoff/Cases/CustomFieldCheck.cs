namespace ConversationHub.Handoff.Cases;

/// <summary>Which administrator-defined fields a new or edited case must satisfy.</summary>
internal enum CustomFieldCheck
{
    /// <summary>Staff's form: every active field.</summary>
    Staff,

    /// <summary>The citizens' inquiry form: the form's own fields.</summary>
    InquiryForm,

    /// <summary>
    /// Made by the platform from what a citizen sent (an e-mail, a chat's intake), where nobody could be asked for them:
    /// none is required, so nothing a citizen sent is refused; staff fill them in on the case.
    /// </summary>
    NotAsked,
}
