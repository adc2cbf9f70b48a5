namespace ConversationHub.VoiceBridge.Acs;

/// <summary>
/// Other work for <see cref="VoiceWorkDispatcher"/>, run in its own DI scope beside the webhook work: what a sweep found
/// for one call (the bot's answer), so that one slow call does not hold up the sweep's other calls.
/// </summary>
/// <param name="Name">What the work is, for the log when it fails.</param>
/// <param name="RunAsync">The work, given the scope's services.</param>
internal sealed record ScopedVoiceWork(string Name, Func<IServiceProvider, CancellationToken, Task> RunAsync);
