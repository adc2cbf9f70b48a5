using Microsoft.Extensions.Logging;

namespace ConversationHub.Bot.DirectLine;

/// <summary>Direct Line log messages (bot ids 3000–3099). Ids and reason codes only, never citizen text.</summary>
internal static partial class DirectLineLog
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Direct Line conversation {ConversationId} started")]
    public static partial void ConversationStarted(ILogger logger, Guid conversationId);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Rejected an activity for conversation {ConversationId}: {Code}")]
    public static partial void ActivityRejected(ILogger logger, Guid conversationId, string code);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Stored {Count} uploaded files for conversation {ConversationId}")]
    public static partial void FilesUploaded(ILogger logger, int count, Guid conversationId);
}
