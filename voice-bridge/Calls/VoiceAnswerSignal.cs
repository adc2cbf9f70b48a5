using ConversationHub.Core.Events;

namespace ConversationHub.VoiceBridge.Calls;

/// <summary>A new activity may be the bot's answer to a caller: <see cref="VoiceAnswerWorker"/> looks at once.</summary>
internal sealed class VoiceAnswerSignal : WorkSignal;
