using ConversationHub.Core.Events;

namespace ConversationHub.Handoff.Mail;

/// <summary>Wakes the <see cref="InboundMailRouting"/>.</summary>
internal sealed class InboxSignal : WorkSignal;
