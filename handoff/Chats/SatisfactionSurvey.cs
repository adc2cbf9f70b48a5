using ConversationHub.Core.ContactEvents.Domain;
using ConversationHub.Core.ContactEvents.Services;
using System.Text.Json;
using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Conversations.Services;
using ConversationHub.Core.Events;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Handoff.Queue;
using ConversationHub.Handoff.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Handoff.Chats;

/// <summary>
/// Takes the citizen's answer to the satisfaction question after an agent closed the chat: a choice of five (the
/// suggested replies, or a digit 1–5), then an optional comment. Stored per conversation and agent on its contact
/// record. Every node hears the activity; a conditional update lets exactly one record it.
/// </summary>
/// <remarks>
/// PERF: every activity of every conversation is announced, so each node keeps the conversations that await an answer
/// (told by <see cref="HandoffTopics.SurveyAsked"/>, reloaded from the database at start and after a lost event bus)
/// and reads nothing for the others.
/// </remarks>
internal sealed class SatisfactionSurvey(IHubEvents events, IServiceScopeFactory scopes, TimeProvider time) : IHostedService, IDisposable
{
    private readonly HubSubscriptions _subscriptions = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, DateTime> _awaiting = new();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _subscriptions.Add(events.Subscribe(ConversationEventTopics.ActivityAdded, OnActivityAsync));
        _subscriptions.Add(events.Subscribe(HandoffTopics.SurveyAsked, OnSurveyAskedAsync));
        _subscriptions.Add(events.Subscribe(HubEventTopics.Reconnected, (_, ct) => ReloadAsync(ct)));
        await ReloadAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscriptions.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _subscriptions.Dispose();

    private Task OnSurveyAskedAsync(HubEvent e, CancellationToken cancellationToken)
    {
        if (JsonSerializer.Deserialize<SurveyPayload>(e.Payload) is { } asked)
        {
            _awaiting[asked.ConversationId] = asked.UntilUtc;
        }

        return Task.CompletedTask;
    }

    private async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var now = time.GetUtcNow().UtcDateTime;
        var awaiting = await scope.ServiceProvider.GetRequiredService<Core.Persistence.HubDbContext>().Conversations.AsNoTracking()
            .Where(c => c.Owner == ConversationOwner.Closed && c.SurveyUntilUtc > now)
            .Select(c => new { c.Id, Until = c.SurveyUntilUtc!.Value })
            .ToListAsync(cancellationToken);
        foreach (var conversation in awaiting)
        {
            _awaiting[conversation.Id] = conversation.Until;
        }
    }

    /// <summary>The score of an answer: one of the five labels, or a digit.</summary>
    public static int? ScoreOf(string text, IStringLocalizer<HandoffStrings> strings)
    {
        var answer = text.Trim().Normalize(System.Text.NormalizationForm.FormKC);
        for (var score = 5; score >= 1; score--)
        {
            if (string.Equals(answer, strings["Survey_" + score].Value, StringComparison.Ordinal) || answer == score.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                return score;
            }
        }

        return null;
    }

    private async Task OnActivityAsync(HubEvent e, CancellationToken cancellationToken)
    {
        var added = JsonSerializer.Deserialize<ActivityAddedPayload>(e.Payload);
        if (added is null || !_awaiting.TryGetValue(added.ConversationId, out var until))
        {
            return;
        }

        if (until <= time.GetUtcNow().UtcDateTime)
        {
            _awaiting.TryRemove(added.ConversationId, out _);
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IConversationStore>();
        var now = time.GetUtcNow().UtcDateTime;
        var conversation = await store.FindAsync(added.ConversationId, cancellationToken);
        if (conversation is null || !conversation.AwaitsSurveyAnswer(now))
        {
            _awaiting.TryRemove(added.ConversationId, out _);
            return;
        }

        // The announcement names the last activity of a batch: look at the latest inbound message.
        var recent = await store.ReadAsync(conversation.Id, Math.Max(0, added.Sequence - 3), 3, cancellationToken);
        // Only what the citizen wrote after the chat was closed answers the question.
        var inbound = recent.LastOrDefault(a => a.Direction == ActivityDirection.Inbound && a.Type == "message" && a.TimestampUtc >= conversation.EndedAtUtc);
        var text = inbound is null ? null : JsonDocument.Parse(inbound.ActivityJson).RootElement.TryGetProperty("text", out var t) ? t.GetString() : null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        var strings = scope.ServiceProvider.GetRequiredService<IStringLocalizer<HandoffStrings>>();
        var notices = scope.ServiceProvider.GetRequiredService<CitizenNotices>();
        var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
        var id = conversation.Id;
        if (ScoreOf(text, strings) is { } score)
        {
            // The rating and its contact event (the reports' satisfaction columns) commit together.
            int recorded;
            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                recorded = await db.Requests.Where(r => r.ConversationId == id && r.Satisfaction == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.Satisfaction, score), cancellationToken);
                if (recorded > 0)
                {
                    await scope.ServiceProvider.GetRequiredService<IContactEventRecorder>().RecordAsync(db, new ContactEvent(
                        "satisfaction:" + id.ToString("N"), ContactEventKind.SatisfactionGiven, ContactChannels.Of(conversation.Channel), now)
                    {
                        ConversationId = id,
                        AgentId = conversation.AgentId,
                        Satisfaction = score,
                    }, cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
            }

            if (recorded == 0)
            {
                return;
            }

            if (conversation.Channel == ConversationChannel.Line)
            {
                // On LINE what the citizen types next starts a new conversation with the bot, so no comment is asked.
                conversation.EndSurvey(now);
                try
                {
                    await store.SaveAsync(conversation, cancellationToken);
                }
                catch (DbUpdateConcurrencyException)
                {
                    // Ended meanwhile.
                }

                await notices.MessageAsync(id, strings["Citizen_SurveyThanksShort"], null, "hub:survey-thanks", cancellationToken);
                return;
            }

            await notices.MessageAsync(id, strings["Citizen_SurveyThanks"], null, "hub:survey-thanks", cancellationToken);
            return;
        }

        var request = await db.Requests.FirstOrDefaultAsync(r => r.ConversationId == id, cancellationToken);
        if (request is { SatisfactionComment: null })
        {
            // A comment, or text instead of a choice: kept as the citizen's comment; the survey ends either way.
            request.SatisfactionComment = text.Length > 4000 ? text[..4000] : text;
            await db.SaveChangesAsync(cancellationToken);
            conversation.EndSurvey(now);
            try
            {
                await store.SaveAsync(conversation, cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return;
            }

            await notices.MessageAsync(id, strings[request.Satisfaction is null ? "Citizen_CommentThanksNewChat" : "Citizen_CommentThanks"], null, "hub:comment-thanks", cancellationToken);
        }
    }
}
