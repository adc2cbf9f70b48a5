using ConversationHub.Core.Events;

namespace ConversationHub.Handoff.Mail;

/// <summary>Wakes the <see cref="MailSender"/>.</summary>
internal sealed class OutboxSignal : WorkSignal;
