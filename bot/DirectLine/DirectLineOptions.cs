namespace ConversationHub.Bot.DirectLine;

/// <summary>The <c>DirectLine</c> section: the web chat's Direct Line 3.0 endpoint.</summary>
public sealed class DirectLineOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "DirectLine";

    /// <summary>
    /// The secret that trusted embedders (another site's backend) send as <c>Authorization: Bearer</c> to
    /// <c>/tokens/generate</c> and <c>/conversations</c>. Empty: only anonymous citizen tokens are issued.
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>
    /// Browser origins (scheme://host[:port]) allowed to call the Direct Line paths cross-origin. The FAQ site's own
    /// origin needs no entry (same-origin calls need no CORS); <c>FaqSite:PublicBaseUrl</c> is allowed as well.
    /// </summary>
    public IList<string> AllowedOrigins { get; } = [];

    /// <summary>How long a token is valid (Direct Line clients assume 30 minutes and refresh every 15).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Anonymous <c>/tokens/generate</c> calls allowed per client address and <see cref="TokenRateWindow"/>.</summary>
    public int AnonymousTokensPerWindow { get; set; } = 20;

    /// <summary>The fixed window of <see cref="AnonymousTokensPerWindow"/>.</summary>
    public TimeSpan TokenRateWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The largest activity JSON accepted, in bytes.</summary>
    public int MaxActivityBytes { get; set; } = 64 * 1024;

    /// <summary>The longest message text accepted, in characters (UTF-16 code units).</summary>
    public int MaxTextLength { get; set; } = 5000;

    /// <summary>How often an idle stream sends an empty <c>activities</c> frame.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The largest uploaded file, in bytes.</summary>
    public long MaxUploadFileBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>The most files in one upload.</summary>
    public int MaxUploadFiles { get; set; } = 4;

    /// <summary>How long a signed link to an uploaded file, as handed out in an activity, stays valid.</summary>
    public TimeSpan AttachmentLinkLifetime { get; set; } = TimeSpan.FromHours(1);
}
