namespace ConversationHub.Handoff.Mail;

/// <summary>How citizens' mail comes in (<c>Mail:Inbound:*</c>): an SMTP listener, a Maildir folder, or both; neither by default.</summary>
public sealed class MailInboundOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Mail:Inbound";

    /// <summary>The port of the SMTP listener in the host. Absent: no listener.</summary>
    public int? SmtpPort { get; set; }

    /// <summary>
    /// The address the listener binds to. Default <c>127.0.0.1</c>: the city's own MTA (which does spam and sender checks)
    /// relays to the hub on the same machine; set <c>0.0.0.0</c> only behind such a relay on a trusted network.
    /// </summary>
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>The name the listener greets with.</summary>
    public string ServerName { get; set; } = "conversationhub";

    /// <summary>The largest message accepted, in bytes (advertised with SIZE; default 25 MiB).</summary>
    public int MaxMessageBytes { get; set; } = 25 * 1024 * 1024;

    /// <summary>A Maildir folder (with <c>new/</c>, <c>cur/</c>, <c>tmp/</c>) whose new mail is taken in. Absent: not watched.</summary>
    public string? Maildir { get; set; }

    /// <summary>How often the Maildir folder is looked at (a file-system notification also wakes it).</summary>
    public TimeSpan MaildirPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often stored mail that still has to be routed is looked at.</summary>
    public TimeSpan RoutingInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The wait after a routing failure; doubles with each further failure up to <see cref="MaxRoutingRetryDelay"/>.</summary>
    public TimeSpan FirstRoutingRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between two routing attempts.</summary>
    public TimeSpan MaxRoutingRetryDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long a node holds a stored message while its router runs.</summary>
    public TimeSpan RoutingLease { get; set; } = TimeSpan.FromMinutes(2);

    internal TimeSpan RoutingRetryDelay(int attempts)
    {
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        return TimeSpan.FromTicks((long)Math.Min(FirstRoutingRetryDelay.Ticks * factor, MaxRoutingRetryDelay.Ticks));
    }
}
