namespace ConversationHub.VoiceBridge.Acs;

/// <summary>The phone channel's settings (<c>Voice</c>).</summary>
public sealed class VoiceOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Voice";

    /// <summary>The peer; when not set, <see cref="VoiceProvider.Acs"/> if an ACS endpoint or access key is configured, else the simulator.</summary>
    public VoiceProvider? Provider { get; set; }

    /// <summary>The ACS resource's settings.</summary>
    public AcsOptions Acs { get; set; } = new();

    /// <summary>
    /// How a department's extension (内線, e.g. 2110) is dialled from ACS: a composite format whose <c>{0}</c> is the
    /// extension, giving an E.164 number the city's SBC or PBX routes to it (本市内線電話に転送).
    /// </summary>
    public string ExtensionDialFormat { get; set; } = "+81501230{0}";

    /// <summary>
    /// The city's reservation site (窓口予約), offered by SMS (key 4) among the alternatives when the queue is congested;
    /// not offered when unset.
    /// </summary>
    public Uri? ReservationSiteUrl { get; set; }

    /// <summary>The pause between two announcements of a waiting caller's place in the queue.</summary>
    public TimeSpan HoldPause { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>The number dialled for <paramref name="extension"/>, or null when it is not a plain extension.</summary>
    public string? DialExtension(string? extension) =>
        extension is { Length: > 0 and <= 8 } && extension.All(char.IsAsciiDigit)
            ? string.Format(System.Globalization.CultureInfo.InvariantCulture, ExtensionDialFormat, extension)
            : null;

    /// <summary>The provider in effect (see <see cref="Provider"/>).</summary>
    public VoiceProvider EffectiveProvider =>
        Provider ?? (Acs.Endpoint is not null || !string.IsNullOrEmpty(Acs.AccessKey) ? VoiceProvider.Acs : VoiceProvider.Simulator);
}
