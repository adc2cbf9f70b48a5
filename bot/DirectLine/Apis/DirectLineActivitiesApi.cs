using System.Globalization;
using ConversationHub.Bot.DirectLine.Activities;
using ConversationHub.Bot.DirectLine.Wire;
using ConversationHub.Bot.Engine;
using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Conversations.Logging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Bot.DirectLine.Apis;

/// <summary><c>POST /conversations/{id}/activities</c> (send) and <c>GET …/activities?watermark=</c> (polling).</summary>
internal static class DirectLineActivitiesApi
{
    private const int PageSize = 100;

    public static RouteGroupBuilder MapDirectLineActivitiesApi(this RouteGroupBuilder group)
    {
        group.MapPost("/conversations/{id}/activities", PostActivityAsync).WithName("DirectLinePostActivity");
        group.MapGet("/conversations/{id}/activities", GetActivitiesAsync).WithName("DirectLineGetActivities");
        return group;
    }

    /// <summary>
    /// Stores the citizen's activity (transcript first), queues the bot's turn and answers <c>{"id"}</c> at once;
    /// the activity comes back to the client, with its <c>clientActivityID</c>, on the stream or the next poll.
    /// </summary>
    public static async Task<Results<Ok<ResourceResponse>, JsonHttpResult<DirectLineErrorResponse>>> PostActivityAsync(
        string id, HttpRequest request, DirectLineServices services, CancellationToken cancellationToken)
    {
        var (conversation, token, error) = await AuthorizeAsync(id, request, services, cancellationToken);
        if (conversation is null || token is null)
        {
            return error!;
        }

        using var logScope = ConversationLogScope.Begin(services.Logger, request.HttpContext, conversation.Id);
        var body = await DirectLineRequests.ReadBodyAsync(request, services.Options.MaxActivityBytes, cancellationToken);
        if (body is null)
        {
            DirectLineLog.ActivityRejected(services.Logger, conversation.Id, "TooLarge");
            return DirectLineErrors.TooLarge($"An activity may have at most {services.Options.MaxActivityBytes} bytes.");
        }

        var (activity, invalid) = InboundActivityReader.Read(body, services.Options);
        if (activity is null)
        {
            DirectLineLog.ActivityRejected(services.Logger, conversation.Id, "BadArgument");
            return DirectLineErrors.BadArgument(invalid!);
        }

        return await StoreAsync(conversation, token.UserId, activity, services, cancellationToken);
    }

    /// <summary>Activities after the watermark, and the new watermark (the last sequence) as a string.</summary>
    public static async Task<Results<Ok<ActivitySet>, JsonHttpResult<DirectLineErrorResponse>>> GetActivitiesAsync(
        string id, string? watermark, HttpRequest request, DirectLineServices services, CancellationToken cancellationToken)
    {
        var (conversation, _, error) = await AuthorizeAsync(id, request, services, cancellationToken, requireOpen: false);
        if (conversation is null)
        {
            return error!;
        }

        var after = DirectLineRequests.ParseWatermark(watermark);
        var page = await services.Conversations.ReadAsync(conversation.Id, after, PageSize, cancellationToken);
        var next = page.Count > 0 ? page[^1].Sequence : after;
        return TypedResults.Ok(new ActivitySet([.. page.Select(a => services.Writer.ToWire(a, request))], next.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>Stamps, stores and queues the bot's turn; shared with the upload.</summary>
    internal static async Task<Results<Ok<ResourceResponse>, JsonHttpResult<DirectLineErrorResponse>>> StoreAsync(
        Conversation conversation, string userId, InboundActivity activity, DirectLineServices services, CancellationToken cancellationToken)
    {
        // A citizen's typing matters only to an agent: with the bot it is acknowledged and not stored.
        if (string.Equals(activity.Type, "typing", StringComparison.Ordinal) && conversation.Owner != ConversationOwner.Agent)
        {
            return TypedResults.Ok(new ResourceResponse(ActivityIds.Format(conversation.Id, conversation.LastSequence) + "-typing"));
        }

        var timestamp = ActivityTimestamps.Next(services.Time.GetUtcNow().UtcDateTime, null);
        InboundActivityReader.Stamp(activity.Json, conversation.Id, userId, timestamp);
        // PERF: what a citizen writes to an agent (or after the close) needs no bot turn: the bot would only find it
        // is not its conversation. Queued conversations still get one (the bot tells the place in the queue).
        var turn = conversation.Owner is ConversationOwner.Bot or ConversationOwner.Queued ? TurnFor(conversation.Id, activity) : null;
        var transcript = new TranscriptActivity(conversation.Id, ActivityDirection.Inbound, activity.Type, "user", activity.Json.ToJsonString(), timestamp)
        {
            ClientActivityId = activity.ClientActivityId,

            // Pending in the same insert: if this node stops before answering, another node's sweep answers.
            Turn = turn is null ? null : TurnState.Pending,
        };

        TranscriptActivity stored;
        try
        {
            stored = await services.Conversations.AppendAsync(transcript, cancellationToken);
        }
        catch (DbUpdateException) when (activity.ClientActivityId is not null)
        {
            // Two copies of one retry raced past the duplicate check; the unique index kept one, so return that one.
            stored = await services.Conversations.AppendAsync(transcript, cancellationToken);
        }

        // A retry of an activity already stored gets the same id and no second answer.
        if (stored.Id == transcript.Id && turn is not null)
        {
            services.Turns.Enqueue(turn with { Sequence = stored.Sequence });
        }

        return TypedResults.Ok(new ResourceResponse(ActivityIds.Format(conversation.Id, stored.Sequence)));
    }

    // A message with text asks for an answer; Web Chat's webchat/join announces the client (greet once).
    private static BotTurn? TurnFor(Guid conversationId, InboundActivity activity) =>
        string.Equals(activity.Type, "message", StringComparison.Ordinal) && activity.HasText ? new BotTurn(BotTurnKind.Message, conversationId, 0)
        : string.Equals(activity.Type, "event", StringComparison.Ordinal) && string.Equals(activity.EventName, "webchat/join", StringComparison.Ordinal) ? new BotTurn(BotTurnKind.ConversationStarted, conversationId, 0)
        : null;

    /// <summary>The conversation when the bearer token is valid for it (and it is open, for writes); otherwise the error.</summary>
    internal static async Task<(Conversation? Conversation, Tokens.DirectLineToken? Token, JsonHttpResult<DirectLineErrorResponse>? Error)> AuthorizeAsync(
        string id, HttpRequest request, DirectLineServices services, CancellationToken cancellationToken, bool requireOpen = true)
    {
        if (!Guid.TryParse(id, out var conversationId))
        {
            return (null, null, DirectLineErrors.ConversationNotFound());
        }

        var (token, error) = services.Authentication.AuthorizeConversation(DirectLineRequests.BearerOf(request), conversationId);
        if (token is null)
        {
            return (null, null, error);
        }

        var conversation = await services.Conversations.FindAsync(conversationId, cancellationToken);
        if (conversation is null)
        {
            return (null, null, DirectLineErrors.ConversationNotFound());
        }

        // A chat an agent closed still takes the citizen's answer to the satisfaction question for a while.
        var writable = conversation.IsOpen || conversation.AwaitsSurveyAnswer(services.Time.GetUtcNow().UtcDateTime);
        return requireOpen && !writable ? (null, null, DirectLineErrors.ConversationEnded()) : (conversation, token, null);
    }
}
