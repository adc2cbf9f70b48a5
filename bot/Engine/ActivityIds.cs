using System.Globalization;

namespace ConversationHub.Bot.Engine;

/// <summary>
/// Activity ids given to clients: <c>&lt;conversationId&gt;|&lt;sequence:D7&gt;</c>. They derive from the transcript's
/// gapless sequence, so they are stable on every node and every read, and the bot can name the activity it replies to.
/// </summary>
internal static class ActivityIds
{
    public static string Format(Guid conversationId, long sequence) =>
        conversationId.ToString() + "|" + sequence.ToString("D7", CultureInfo.InvariantCulture);
}
