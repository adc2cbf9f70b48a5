using ConversationHub.Core.Events;

namespace ConversationHub.Bot.Line.Infrastructure;

/// <summary>New webhook events are in the inbox.</summary>
internal sealed class LineInboxSignal : WorkSignal;
