namespace ConversationHub.Handoff.Mail;

/// <summary>
/// A message as received, stored before anything else is done with it (the SMTP listener answers 250 only after this
/// row is committed; a Maildir file is moved to <c>cur/</c> only after). The raw bytes are personal data, encrypted at
/// rest; everything else here is free of it.
/// </summary>
public sealed class InboundMail
{
    // For EF Core.
    private InboundMail()
    {
        Source = "";
        Raw = "";
    }

    internal InboundMail(string source, string? sourceKey, byte[] raw, DateTime nowUtc)
    {
        Id = Guid.CreateVersion7();
        Source = source;
        SourceKey = sourceKey;
        Raw = Convert.ToBase64String(raw);
        Length = raw.LongLength;
        State = InboundMailState.Received;
        NextAttemptAtUtc = nowUtc;
        ReceivedAtUtc = nowUtc;
    }

    /// <summary>Surrogate key (time-ordered); the <see cref="InboundMessage.InboxId"/>.</summary>
    public Guid Id { get; private set; }

    /// <summary>How it came: <c>smtp</c> or <c>maildir</c>.</summary>
    public string Source { get; private set; }

    /// <summary>
    /// What identifies it at its source, unique: <c>maildir:&lt;unique name&gt;</c> for a Maildir file (so a file stored
    /// but not yet moved when a node died is not stored twice); null for SMTP.
    /// </summary>
    public string? SourceKey { get; private set; }

    /// <summary>The raw message as base64 (encrypted at rest). Read it with <see cref="RawBytes"/>.</summary>
    internal string Raw { get; private set; }

    /// <summary>The raw message's size in bytes.</summary>
    public long Length { get; private set; }

    /// <summary>Where it stands.</summary>
    public InboundMailState State { get; private set; }

    /// <summary>Routing attempts made so far.</summary>
    public int Attempts { get; private set; }

    /// <summary>When routing may be tried (UTC), while <see cref="InboundMailState.Received"/> or <see cref="InboundMailState.RoutingFailed"/>.</summary>
    public DateTime? NextAttemptAtUtc { get; private set; }

    /// <summary>The node routing it, while it does.</summary>
    public string? LeaseHolder { get; private set; }

    /// <summary>Until when that node holds it (UTC).</summary>
    public DateTime? LeaseUntilUtc { get; private set; }

    /// <summary>Why routing failed last (the kind of error, never text of the message).</summary>
    public string? LastError { get; private set; }

    /// <summary>Set when MimeKit could not fully parse the message (it is kept raw and its text decoded as well as possible).</summary>
    public string? ParseWarning { get; private set; }

    /// <summary>The case the router put it on.</summary>
    public Guid? CaseId { get; private set; }

    /// <summary>When it was stored (UTC).</summary>
    public DateTime ReceivedAtUtc { get; private set; }

    /// <summary>When it was routed (UTC).</summary>
    public DateTime? RoutedAtUtc { get; private set; }

    /// <summary>The raw message's bytes.</summary>
    public byte[] RawBytes() => Convert.FromBase64String(Raw);
}
