using ConversationHub.Faq.KnowledgeBase.Domain;
using ConversationHub.Faq.Persistence;
using Microsoft.Extensions.Logging;

namespace ConversationHub.Faq.Site.Feedback;

/// <summary>
/// Stores a citizen's rating of an answer. The caller has checked that the FAQ is visible. The comment is
/// personal data: it is encrypted by the model and never logged.
/// </summary>
internal sealed partial class SubmitFaqFeedback(FaqDbContext db, TimeProvider time, ILogger<SubmitFaqFeedback> logger)
{
    /// <param name="faqId">The rated FAQ.</param>
    /// <param name="helpful"><c>yes</c> or <c>no</c> as posted by the form; anything else is rejected.</param>
    /// <param name="comment">Optional free text; blank means none.</param>
    /// <param name="channel">Where it was given.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    public async Task<FeedbackOutcome> ExecuteAsync(Guid faqId, string? helpful, string? comment, FaqFeedbackChannel channel, CancellationToken cancellationToken)
    {
        bool? choice = helpful switch
        {
            "yes" => true,
            "no" => false,
            _ => null,
        };
        if (choice is null)
        {
            return FeedbackOutcome.MissingChoice;
        }

        // Browsers send line breaks as CRLF; count them as the citizen sees them (one character each).
        var text = comment?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (text?.Length > FaqFeedback.MaxCommentLength)
        {
            return FeedbackOutcome.CommentTooLong;
        }

        db.Feedback.Add(new FaqFeedback(faqId, choice.Value, string.IsNullOrEmpty(text) ? null : text, channel, time.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
        Log.Stored(logger, faqId, choice.Value, channel, text is { Length: > 0 });
        return FeedbackOutcome.Stored;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2110, Level = LogLevel.Information, Message = "Feedback on FAQ {FaqId}: helpful={Helpful} via {Channel}, comment given: {HasComment}")]
        public static partial void Stored(ILogger logger, Guid faqId, bool helpful, FaqFeedbackChannel channel, bool hasComment);
    }
}
