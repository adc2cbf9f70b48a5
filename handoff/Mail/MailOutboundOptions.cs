namespace ConversationHub.Handoff.Mail;

/// <summary>How mail to citizens goes out (<c>Mail:Outbound:*</c>).</summary>
/// <remarks>
/// Without <see cref="Host"/> (the embedded default) nothing is sent over the network: each message is written once, as
/// one <c>.eml</c> file, to <see cref="PickupDirectory"/>, so the demo works and nothing is silently dropped.
/// </remarks>
public sealed class MailOutboundOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Mail:Outbound";

    /// <summary>The SMTP server (submission or relay). Empty: write to <see cref="PickupDirectory"/> instead.</summary>
    public string? Host { get; set; }

    /// <summary>The SMTP port (587 for submission with STARTTLS, 465 with <see cref="MailSecurity.SslOnConnect"/>, 25 for a relay).</summary>
    public int Port { get; set; } = 587;

    /// <summary>How the connection is secured. Default <see cref="MailSecurity.StartTls"/> (required, not opportunistic).</summary>
    public MailSecurity Security { get; set; } = MailSecurity.StartTls;

    /// <summary>The city's address every message is sent from (<c>From</c>), such as <c>soudan@city.example.lg.jp</c>; required with <see cref="Host"/>.</summary>
    public string? From { get; set; }

    /// <summary>The SMTP user name; empty: no authentication.</summary>
    public string? UserName { get; set; }

    /// <summary>The SMTP password (with <see cref="UserName"/>).</summary>
    public string? Password { get; set; }

    /// <summary>
    /// The domain after the <c>@</c> of the Message-IDs this platform makes. Default: the domain of <see cref="From"/>
    /// (<c>localhost</c> without one).
    /// </summary>
    public string? MessageIdDomain { get; set; }

    /// <summary>Where messages go without <see cref="Host"/>, relative to the working directory (default <c>data/mail-out</c>).</summary>
    public string PickupDirectory { get; set; } = "data/mail-out";

    /// <summary>Attempts before a message is marked failed (visible to supervisors, who can retry it).</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait after the first failed attempt; each further failure doubles it, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest wait between two attempts.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long a node holds a message it is sending. A node that dies mid-send leaves the message to another node when
    /// the lease ends; a send that takes longer is abandoned by its node before the lease ends (then retried, with the
    /// same Message-ID). Must be more than <see cref="Timeout"/>.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Timeout of each SMTP network operation (connect, each command, the data).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often the sender looks for due messages when nothing wakes it (a new message wakes every node at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether this node sends (false for a node that should only serve HTTP).</summary>
    public bool Send { get; set; } = true;

    /// <summary>The address used as <c>From</c>: <see cref="From"/>, or a local placeholder in pickup mode.</summary>
    internal string EffectiveFrom => string.IsNullOrWhiteSpace(From) ? "conversationhub@localhost" : From;

    /// <summary>The Message-ID domain actually used.</summary>
    internal string EffectiveMessageIdDomain =>
        !string.IsNullOrWhiteSpace(MessageIdDomain) ? MessageIdDomain
        : EffectiveFrom.LastIndexOf('@') is var at and >= 0 && at < EffectiveFrom.Length - 1 ? EffectiveFrom[(at + 1)..].TrimEnd('>', ' ')
        : "localhost";

    /// <summary>The wait after <paramref name="attempts"/> failed attempts: 1, 2, 4 … times <see cref="FirstRetryDelay"/>, capped.</summary>
    internal TimeSpan RetryDelay(int attempts)
    {
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(FirstRetryDelay.Ticks * factor, MaxRetryDelay.Ticks));
        return delay < FirstRetryDelay ? FirstRetryDelay : delay;
    }
}

/// <summary>How the SMTP connection is secured (<c>Mail:Outbound:Security</c>).</summary>
public enum MailSecurity
{
    /// <summary>Plain SMTP (a relay on the same host or a trusted network only).</summary>
    None,

    /// <summary>Plain connect, then STARTTLS, which must succeed.</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,
}
