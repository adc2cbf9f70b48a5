namespace ConversationHub.VoiceBridge.Flows;

/// <summary>What the call flow asks the telephony side (ACS, or the stand-in) or the platform to do next.</summary>
public abstract record CallCommand;

/// <summary>Speak <paramref name="Text"/> (SSML when <paramref name="Ssml"/> is set); <paramref name="Context"/> comes back when it ends.</summary>
public sealed record SayCommand(string Text, string? Ssml, string Context) : CallCommand;

/// <summary>
/// Speak <paramref name="Prompt"/> and listen for one of <paramref name="Keys"/> (DTMF) or, when <paramref name="Speech"/>,
/// for speech; <paramref name="Context"/> comes back with the result.
/// </summary>
public sealed record ListenCommand(string Prompt, string Context, string Keys, bool Speech) : CallCommand
{
    /// <summary>The prompt as SSML, when it needs more than one voice (the language menu).</summary>
    public string? Ssml { get; init; }
}

/// <summary>Ask the bot engine this question (the call is a conversation on channel voice); its answer comes back.</summary>
public sealed record AskBotCommand(string Question) : CallCommand;

/// <summary>Send the caller a text message (consent was given); <paramref name="Kind"/> names what is sent.</summary>
public sealed record SendSmsCommand(string Kind, string Text) : CallCommand;

/// <summary>Put the call in the operators' queue (the same queue as chats).</summary>
public sealed record QueueCommand : CallCommand;

/// <summary>The caller waits in the queue: look up the place and pass it to <see cref="CallFlow.Waiting"/>.</summary>
public sealed record AnnounceStandingCommand : CallCommand;

/// <summary>Stop what is playing (the hold loop) before someone joins.</summary>
public sealed record CancelMediaCommand : CallCommand;

/// <summary>Invite <paramref name="Target"/> (E.164 or an ACS identity) into the call; <paramref name="Context"/> comes back with the outcome.</summary>
public sealed record ConnectCommand(string Target, string Context) : CallCommand;

/// <summary>Remove <paramref name="Target"/> from the call.</summary>
public sealed record DisconnectCommand(string Target, string Context) : CallCommand;

/// <summary>Forward the call to another number (the line's emergency switch).</summary>
public sealed record ForwardCommand(string To) : CallCommand;

/// <summary>End the call.</summary>
public sealed record HangUpCommand : CallCommand;
