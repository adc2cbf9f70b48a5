using System.Text.Json.Nodes;
using ConversationHub.Bot.Engine;
using ConversationHub.Bot.Line.Resources;
using ConversationHub.Bot.Resources;
using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Conversations.Services;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Bot.Line.Handoff;

/// <summary>
/// Tells a LINE citizen that an agent joined or left, as an outbound transcript activity (pushed like any other).
/// Every node hears the owner event, so the notice is keyed per conversation and written once.
/// </summary>
internal sealed class LineHandoffNotices(IConversationStore store, IStringLocalizer<LineStrings> strings, IStringLocalizer<BotStrings> botStrings, TimeProvider time)
{
    public async Task TellAsync(Guid conversationId, LineHandoffNotice notice, CancellationToken cancellationToken)
    {
        var conversation = await store.FindAsync(conversationId, cancellationToken);
        // Only a conversation an agent had (the end of a bot-only one needs no notice), and never to a citizen who
        // blocked the account.
        if (conversation is not { Channel: ConversationChannel.Line, AgentId: not null }
            || (notice == LineHandoffNotice.AgentLeft && conversation.Owner != ConversationOwner.Closed)
            // Closed by its agent with the satisfaction question: the queue says goodbye and asks, in that order, and
            // the question must stay the last message (LINE shows quick replies only on the last one).
            || (notice == LineHandoffNotice.AgentLeft && conversation.SurveyUntilUtc is not null)
            || string.Equals(conversation.Reason, LineConversationReasons.UserLeft, StringComparison.Ordinal))
        {
            return;
        }

        BotLanguage.Apply(conversation.Language);
        var now = time.GetUtcNow().UtcDateTime;
        var activity = BotActivities.Message(strings[notice.ToString()], null);
        activity["textFormat"] = "plain";
        activity["timestamp"] = ActivityTimestamps.Format(now);
        activity["from"] = new JsonObject { ["id"] = BotActivityWriter.BotId, ["name"] = botStrings["BotName"].Value, ["role"] = "bot" };
        await store.AppendAsync(
            new TranscriptActivity(conversationId, ActivityDirection.Outbound, "message", "bot", activity.ToJsonString(), now)
            {
                ClientActivityId = "line:notice:" + notice,
            },
            cancellationToken);
    }
}
