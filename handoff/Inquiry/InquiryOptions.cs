namespace ConversationHub.Handoff.Inquiry;

/// <summary>The citizens' inquiry form (<c>Inquiry:*</c>): its spam guards and its limits.</summary>
public sealed class InquiryOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Inquiry";

    /// <summary>
    /// The least time between the form being shown and a submission: people read and type; scripts post at once. A
    /// submission sooner than this is refused politely and makes nothing.
    /// </summary>
    public TimeSpan MinFillTime { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How long a shown form stays valid (its signed timestamp expires after this; the citizen reloads the form).</summary>
    public TimeSpan FormLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Final submissions (送信) allowed per client address within <see cref="RateLimitWindow"/>; more get 429.</summary>
    public int RateLimitPermits { get; set; } = 5;

    /// <summary>The rate limit's fixed window.</summary>
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The longest お問い合わせ内容 (characters), shown under the field with a live counter.</summary>
    public int MaxDescription { get; set; } = 2000;
}
