namespace ConversationHub.VoiceBridge.Lines;

/// <summary>The voice module's <c>IHubEvents</c> topics about phone lines.</summary>
internal static class PhoneLineTopics
{
    /// <summary>A line was added, edited, removed or switched; no payload: every node reloads all lines (a city has a few).</summary>
    public const string Changed = "voice.lines.changed";
}
