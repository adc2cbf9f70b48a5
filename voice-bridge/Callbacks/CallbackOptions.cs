namespace ConversationHub.VoiceBridge.Callbacks;

/// <summary>Callbacks (架電) from the cases (section <c>Voice:Callbacks</c>).</summary>
public sealed class CallbackOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Voice:Callbacks";

    /// <summary>
    /// The city line shown to the citizen (the create's <c>sourceCallerIdNumber</c>), E.164; it must be one of the city's
    /// lines. Default: the demo line, the stand-in's city number.
    /// </summary>
    public string LineNumber { get; set; } = Calls.PhoneLines.DemoNumber;
}
