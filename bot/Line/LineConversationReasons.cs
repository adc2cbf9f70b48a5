namespace ConversationHub.Bot.Line;

/// <summary>The reasons the LINE channel records when it ends a conversation.</summary>
internal static class LineConversationReasons
{
    /// <summary>The citizen blocked the account (<c>unfollow</c>).</summary>
    public const string UserLeft = "user_left";
}
