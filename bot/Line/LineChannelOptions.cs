namespace ConversationHub.Bot.Line;

/// <summary>The <c>Line</c> section: the city's LINE official account (Messaging API).</summary>
public sealed class LineChannelOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Line";

    /// <summary>
    /// The channel secret that signs webhook bodies (<c>x-line-signature</c>). Empty: the channel is off and the
    /// webhook answers 404.
    /// </summary>
    public string? ChannelSecret { get; set; }

    /// <summary>The long-lived channel access token (<c>Authorization: Bearer</c>); required when the secret is set.</summary>
    public string? ChannelAccessToken { get; set; }

    /// <summary>The Messaging API origin (reply, push, loading animation). Paths start at its root.</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://api.line.me");

    /// <summary>The content origin (images a citizen sent).</summary>
    public Uri DataApiBaseUrl { get; set; } = new("https://api-data.line.me");

    /// <summary>The largest webhook body accepted, in bytes (LINE batches events; 1 MiB is far above a real batch).</summary>
    public int MaxWebhookBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// How long after receipt a reply token is used. LINE guarantees about one minute; the margin leaves time for the
    /// call itself. Later answers go by push.
    /// </summary>
    public TimeSpan ReplyTokenLifetime { get; set; } = TimeSpan.FromSeconds(50);

    /// <summary>
    /// How long messages written one by one (an agent's) are gathered into one call (at most 5 messages). The answer
    /// to a citizen's message is written whole (a bot turn, or the adapter's own reply), so it does not wait for this.
    /// </summary>
    public TimeSpan DeliveryBatchWindow { get; set; } = TimeSpan.FromMilliseconds(400);

    /// <summary>Attempts before an outbound message is kept as failed for staff.</summary>
    public int MaxDeliveryAttempts { get; set; } = 5;

    /// <summary>The first retry delay after a 429 or 5xx; doubled on each attempt.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often the inbox and the pending deliveries are swept for work another node or a restart left.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a node holds a citizen's events or deliveries before another node may take them over.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long the loading animation is asked for (5–60 s, a multiple of 5).</summary>
    public int LoadingSeconds { get; set; } = 20;

    /// <summary>The longest text sent in one message; longer answers are cut at a sentence with a link to the page.</summary>
    public int MaxTextLength { get; set; } = 1000;

    /// <summary>The largest image fetched from LINE into the transcript, in bytes.</summary>
    public long MaxImageBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Whether the channel is on (a secret is configured).</summary>
    public bool Enabled => !string.IsNullOrEmpty(ChannelSecret);
}
