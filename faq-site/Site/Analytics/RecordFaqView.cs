using System.Data.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ConversationHub.Faq.Site.Analytics;

/// <summary>Counts a served FAQ page for the ranking, unless the client is a bot or has just seen it.</summary>
internal sealed partial class RecordFaqView(
    FaqViewCounter counter,
    RepeatViewFilter repeats,
    TimeProvider time,
    ILogger<RecordFaqView> logger)
{
    /// <summary>Returns whether the view was counted. A database failure is logged and never fails the page.</summary>
    public async Task<bool> ExecuteAsync(HttpContext context, Guid faqId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var userAgent = context.Request.Headers.UserAgent.ToString();
        if (BotUserAgents.IsBot(userAgent)
            || !repeats.IsFirstView(context.Connection.RemoteIpAddress?.ToString(), userAgent, faqId))
        {
            return false;
        }

        try
        {
            await counter.IncrementAsync(faqId, JapanDate.Today(time), cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is DbException or DbUpdateException)
        {
            Log.ViewNotCounted(logger, faqId, ex);
            return false;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "The view of FAQ {FaqId} was not counted")]
        public static partial void ViewNotCounted(ILogger logger, Guid faqId, Exception exception);
    }
}
