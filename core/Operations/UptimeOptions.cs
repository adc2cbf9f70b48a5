namespace ConversationHub.Core.Operations;

/// <summary>The <c>Uptime</c> configuration section.</summary>
public sealed class UptimeOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Uptime";

    /// <summary>How often each node records that it is up (default 30 s). A node silent for twice this long was down.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(30);
}
