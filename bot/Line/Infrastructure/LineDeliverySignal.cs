using ConversationHub.Core.Events;

namespace ConversationHub.Bot.Line.Infrastructure;

/// <summary>New outbound activities wait for delivery.</summary>
internal sealed class LineDeliverySignal : WorkSignal;
