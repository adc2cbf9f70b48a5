using System.Globalization;
using System.Text.Json.Nodes;
using ConversationHub.Core.ContactEvents.Domain;
using ConversationHub.Core.ContactEvents.Services;
using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Conversations.Services;
using ConversationHub.Handoff.Chats;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Handoff.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Handoff.Survey;

/// <summary>
/// The survey in the chat after an agent closed it: the consent question first (はい/いいえ), then each item in order with
/// suggested replies (quick replies on LINE), re-prompting in Japanese on what it cannot read. Every node hears the
/// citizen's message; a conditional update on the session lets exactly one take it.
/// </summary>
/// <remarks>
/// Outbound keys: the consent question is <c>hub:survey</c> (on LINE only its choices reach the closed conversation);
/// the items and re-prompts start with <c>hub:survey:</c>, which tells LINE's inbox that any text answers them. A
/// re-prompt is keyed by the message it answers, so nodes that all read the same bad answer send it once.
/// </remarks>
internal sealed class SurveyFlow(
    HandoffDbContext db,
    SurveyDefinitions definitions,
    CitizenNotices notices,
    IConversationStore store,
    IContactEventRecorder recorder,
    IStringLocalizer<SurveyStrings> strings,
    IStringLocalizer<HandoffStrings> handoffStrings,
    TimeProvider time)
{
    public const string ConsentKey = "hub:survey";
    public const string AnswerKeyPrefix = "hub:survey:";

    /// <summary>The <c>handoff.status</c> states the web chat widget reads: the survey awaits answers, and it is over.</summary>
    public const string SurveyStatus = "survey";
    public const string SurveyEndedStatus = "surveyEnded";

    /// <summary>The five levels' labels, best first (the handoff module's とても満足 … とても不満).</summary>
    public IReadOnlyList<string> Levels => ChatDesk.SurveyChoices(handoffStrings);

    /// <summary>Offers the survey at the end of <paramref name="conversation"/> (just closed by its agent), or ends the wait when it is off.</summary>
    public async Task OfferAsync(Conversation conversation, CancellationToken cancellationToken)
    {
        var definition = await definitions.CurrentAsync(cancellationToken);
        if (!definition.Enabled)
        {
            await EndAsync(conversation.Id, null, cancellationToken);
            return;
        }

        await definitions.EnsureStoredAsync(definition, cancellationToken);
        if (!await db.SurveySessions.AnyAsync(s => s.ConversationId == conversation.Id, cancellationToken))
        {
            db.SurveySessions.Add(new SurveySession(conversation.Id, definition.Version, conversation.Channel, conversation.AgentId, time.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync(cancellationToken);
        }

        // The web chat widget keeps the conversation open for the answers (no 新しく質問する) until the survey ends or its window passes.
        var window = (conversation.SurveyUntilUtc ?? time.GetUtcNow().UtcDateTime) - time.GetUtcNow().UtcDateTime;
        await notices.StatusAsync(conversation.Id, SurveyStatus, new JsonObject { ["expiresInSeconds"] = Math.Max(0, (int)window.TotalSeconds) }, cancellationToken);
        await notices.MessageAsync(conversation.Id, definition.ConsentText, [strings["Yes"], strings["No"]], ConsentKey, cancellationToken);
    }

    /// <summary>Takes the citizen's message <paramref name="text"/> (transcript <paramref name="sequence"/>) as the answer awaited.</summary>
    public async Task TakeAsync(Conversation conversation, long sequence, string text, CancellationToken cancellationToken)
    {
        var id = conversation.Id;
        var session = await db.SurveySessions.AsNoTracking().FirstOrDefaultAsync(s => s.ConversationId == id, cancellationToken);
        if (session is null || sequence <= session.LastSequence || session.State is SurveySessionState.Declined or SurveySessionState.Completed)
        {
            return;
        }

        var definition = await definitions.OfAsync(session.Version, cancellationToken);
        if (session.State == SurveySessionState.AwaitingConsent)
        {
            await TakeConsentAsync(conversation, session, definition, sequence, text, cancellationToken);
            return;
        }

        var index = session.NextItem;
        if (index >= definition.Items.Count)
        {
            return;
        }

        var item = definition.Items[index];
        var reply = SurveyReply.Read(item, text, strings, Levels);
        if (reply.Kind is not (SurveyReplyKind.Answered or SurveyReplyKind.Skipped))
        {
            await RepromptAsync(id, sequence, item, reply.Kind, cancellationToken);
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var last = index == definition.Items.Count - 1;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var moved = await db.SurveySessions
                .Where(s => s.ConversationId == id && s.State == SurveySessionState.Answering && s.NextItem == index && s.LastSequence < sequence)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.NextItem, index + 1)
                    .SetProperty(x => x.LastSequence, sequence)
                    .SetProperty(x => x.State, last ? SurveySessionState.Completed : SurveySessionState.Answering)
                    .SetProperty(x => x.EndedAtUtc, last ? now : null), cancellationToken);
            if (moved == 0)
            {
                // Another node took this message (or a later one) first.
                return;
            }

            if (reply.Kind == SurveyReplyKind.Answered)
            {
                db.SurveyAnswers.Add(new SurveyAnswer(id, session.Version, item.Key, now) { Choice = reply.Choice, Score = reply.Score, Text = reply.Text });
                await db.SaveChangesAsync(cancellationToken);
                if (item.Key == SurveyItem.SatisfactionKey && reply.Score is { } score)
                {
                    await RecordSatisfactionAsync(conversation, score, now, cancellationToken);
                }
            }

            await transaction.CommitAsync(cancellationToken);
        }

        if (last)
        {
            await EndAsync(id, (strings["Thanks"], "hub:survey-thanks"), cancellationToken);
            return;
        }

        await AskAsync(id, index + 1, definition.Items[index + 1], cancellationToken);
    }

    private async Task TakeConsentAsync(Conversation conversation, SurveySession session, SurveyDefinition definition, long sequence, string text, CancellationToken cancellationToken)
    {
        var id = conversation.Id;
        if (SurveyReply.ReadConsent(text, strings) is not { } consented)
        {
            await notices.MessageAsync(id, strings["Retry_Consent"] + "\n" + definition.ConsentText, [strings["Yes"], strings["No"]], RetryKey(sequence), cancellationToken);
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var moved = await db.SurveySessions
            .Where(s => s.ConversationId == id && s.State == SurveySessionState.AwaitingConsent && s.LastSequence < sequence)
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.State, consented ? SurveySessionState.Answering : SurveySessionState.Declined)
                .SetProperty(x => x.LastSequence, sequence)
                .SetProperty(x => x.ConsentedAtUtc, consented ? now : null)
                .SetProperty(x => x.EndedAtUtc, consented ? null : now), cancellationToken);
        if (moved == 0)
        {
            return;
        }

        if (!consented || definition.Items.Count == 0)
        {
            // Declined: nothing is kept but the session's state (the declined count).
            await EndAsync(id, (strings["Declined"], "hub:survey-declined"), cancellationToken);
            return;
        }

        await AskAsync(id, 0, definition.Items[0], cancellationToken);
    }

    private async Task RecordSatisfactionAsync(Conversation conversation, int score, DateTime now, CancellationToken cancellationToken)
    {
        // The reports' satisfaction columns read the contact record and the SatisfactionGiven event, as before the survey.
        var id = conversation.Id;
        await db.Requests.Where(r => r.ConversationId == id && r.Satisfaction == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Satisfaction, score), cancellationToken);
        await recorder.RecordAsync(db, new ContactEvent("satisfaction:" + id.ToString("N"), ContactEventKind.SatisfactionGiven, ContactChannels.Of(conversation.Channel), now)
        {
            ConversationId = id,
            ProgramId = conversation.ProgramId,
            AgentId = conversation.AgentId,
            Satisfaction = score,
        }, cancellationToken);
    }

    private Task AskAsync(Guid id, int index, SurveyItem item, CancellationToken cancellationToken) =>
        notices.MessageAsync(id, item.Question, Replies(item), AnswerKeyPrefix + "item:" + index.ToString(CultureInfo.InvariantCulture), cancellationToken);

    private Task RepromptAsync(Guid id, long sequence, SurveyItem item, SurveyReplyKind kind, CancellationToken cancellationToken)
    {
        var lead = kind switch
        {
            SurveyReplyKind.NotSkippable => strings["Retry_Required"].Value,
            SurveyReplyKind.TooLong => strings["Retry_TooLong", SurveyReply.MaxFreeTextLength].Value,
            _ when item.Type == SurveyItemType.FiveLevel => strings["Retry_FiveLevel"].Value,
            _ => strings["Retry_Choice", string.Join("、", item.Options.Select((o, i) => (i + 1).ToString(CultureInfo.InvariantCulture) + " " + o))].Value,
        };
        return notices.MessageAsync(id, lead + "\n" + item.Question, Replies(item), RetryKey(sequence), cancellationToken);
    }

    // The suggested replies (LINE's quick replies) of an item: its options or levels, and スキップ when it may be skipped.
    private List<string> Replies(SurveyItem item)
    {
        List<string> replies = item.Type switch
        {
            SurveyItemType.Choice => [.. item.Options],
            SurveyItemType.FiveLevel => [.. Levels],
            _ => [],
        };
        if (!item.Required)
        {
            replies.Add(strings["Skip"]);
        }

        return replies;
    }

    private static string RetryKey(long sequence) => AnswerKeyPrefix + "retry:" + sequence.ToString(CultureInfo.InvariantCulture);

    // The survey is over (declined, completed, or off): the closing message if any, then the widget may offer a new chat.
    private async Task EndAsync(Guid id, (string Text, string Key)? closing, CancellationToken cancellationToken)
    {
        await EndWaitAsync(id, cancellationToken);
        if (closing is { } message)
        {
            await notices.MessageAsync(id, message.Text, null, message.Key, cancellationToken);
        }

        await notices.StatusAsync(id, SurveyEndedStatus, null, cancellationToken);
    }

    // The conversation stops taking messages.
    private async Task EndWaitAsync(Guid conversationId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var conversation = await store.FindAsync(conversationId, cancellationToken);
            if (conversation?.SurveyUntilUtc is null)
            {
                return;
            }

            conversation.EndSurvey(time.GetUtcNow().UtcDateTime);
            try
            {
                await store.SaveAsync(conversation, cancellationToken);
                return;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Changed meanwhile (another node's message): read it again.
            }
        }
    }
}
