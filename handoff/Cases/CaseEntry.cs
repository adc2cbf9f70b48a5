namespace ConversationHub.Handoff.Cases;

/// <summary>What a case's timeline holds. Stored as its name.</summary>
public enum CaseEntryKind
{
    /// <summary>A staff note (内部メモ), never sent to the citizen.</summary>
    Note,

    /// <summary>The chat transcript it was made from.</summary>
    Transcript,

    /// <summary>What the citizen wrote on the inquiry form.</summary>
    FormSubmission,

    /// <summary>A mail from the citizen.</summary>
    InboundMail,

    /// <summary>A reply to the citizen, once approved (the mail itself is in the outbox).</summary>
    OutboundMail,

    /// <summary>The center escalated the case to a department (with its reasons and message).</summary>
    Escalation,

    /// <summary>The department asks the center for more information.</summary>
    InfoRequest,

    /// <summary>The center answers the department (more information).</summary>
    CenterMessage,

    /// <summary>The department handed the case back to the center.</summary>
    HandBack,

    /// <summary>An approver sent a reply back to its author.</summary>
    Rejection,
}

/// <summary>One entry of a case's timeline. The text is personal data (encrypted at rest).</summary>
public sealed class CaseEntry
{
    // For EF Core.
    private CaseEntry()
    {
    }

    internal CaseEntry(Guid caseId, CaseEntryKind kind, Guid? authorId, string? text, DateTime atUtc)
    {
        Id = Guid.CreateVersion7();
        CaseId = caseId;
        Kind = kind;
        AuthorId = authorId;
        Text = text;
        AtUtc = atUtc;
    }

    /// <summary>Surrogate key (time-ordered).</summary>
    public Guid Id { get; private set; }

    /// <summary>The case.</summary>
    public Guid CaseId { get; private set; }

    /// <summary>What it is.</summary>
    public CaseEntryKind Kind { get; private set; }

    /// <summary>The staff member, null for the citizen or the platform.</summary>
    public Guid? AuthorId { get; private set; }

    /// <summary>The text (personal data).</summary>
    public string? Text { get; private set; }

    /// <summary>A mail's id: the inbound row for <see cref="CaseEntryKind.InboundMail"/>, the outbox row for <see cref="CaseEntryKind.OutboundMail"/>.</summary>
    public Guid? MailId { get; set; }

    /// <summary>The mail's subject, or a short label (personal data).</summary>
    public string? Subject { get; set; }

    /// <summary>The mail's Message-ID (<c>&lt;…@…&gt;</c>), for threading replies with In-Reply-To and References.</summary>
    public string? MessageId { get; set; }

    /// <summary>A warning to show with the entry (a mail that could not be fully read); no personal data.</summary>
    public string? Warning { get; set; }

    /// <summary>When (UTC).</summary>
    public DateTime AtUtc { get; private set; }
}
