namespace ConversationHub.VoiceBridge.Acs;

/// <summary>What an Event Grid delivery asks of us: answer a subscription handshake, or take incoming calls.</summary>
/// <param name="ValidationCode">For a subscription validation (Event Grid schema): echo it as <c>validationResponse</c>.</param>
/// <param name="AllowedOrigin">For a CloudEvents abuse-protection handshake (OPTIONS): echo it in <c>WebHook-Allowed-Origin</c>.</param>
/// <param name="IncomingCalls">The IncomingCall events of a notification (other event types are left out).</param>
public sealed record AcsEventGridMessage(string? ValidationCode, string? AllowedOrigin, IReadOnlyList<IncomingCall> IncomingCalls);
