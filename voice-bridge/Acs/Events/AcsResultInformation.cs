namespace ConversationHub.VoiceBridge.Acs.Events;

/// <summary>An operation's outcome (<c>resultInformation</c>): e.g. 200/8531 max digits received, 400/8510 initial silence timeout.</summary>
/// <param name="Code">The HTTP-like code.</param>
/// <param name="SubCode">ACS's sub-code.</param>
/// <param name="Message">ACS's text.</param>
public sealed record AcsResultInformation(int? Code, int? SubCode, string? Message);
