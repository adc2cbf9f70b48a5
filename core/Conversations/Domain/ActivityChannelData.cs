namespace ConversationHub.Core.Conversations.Domain;

/// <summary>
/// The platform's own keys in an activity's <c>channelData</c>, which the bot writes and other modules read from the
/// transcript (the console, cases, the phone).
/// </summary>
public static class ActivityChannelData
{
    /// <summary>The FAQ a bot answer gave (its id, a string).</summary>
    public const string FaqId = "hub:faqId";
}
