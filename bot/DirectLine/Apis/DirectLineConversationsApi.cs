using ConversationHub.Bot.DirectLine.Tokens;
using ConversationHub.Bot.DirectLine.Wire;
using ConversationHub.Bot.Engine;
using ConversationHub.Core.Conversations.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ConversationHub.Bot.DirectLine.Apis;

/// <summary><c>POST /conversations</c> (start) and <c>GET /conversations/{id}</c> (resume or reconnect).</summary>
internal static class DirectLineConversationsApi
{
    private const string ReferenceGrammarId = "00000000-0000-0000-0000-000000000000";

    public static RouteGroupBuilder MapDirectLineConversationsApi(this RouteGroupBuilder group)
    {
        group.MapPost("/conversations", StartConversationAsync).WithName("DirectLineStartConversation");
        group.MapGet("/conversations/{id}", GetConversationAsync).WithName("DirectLineGetConversation");
        return group;
    }

    /// <summary>
    /// With a token: its conversation (200), and the bot's "conversation started" turn (it greets once). With the
    /// embedder secret: a new conversation for the body's <c>user.id</c> or a fresh anonymous id (201).
    /// </summary>
    public static async Task<Results<Created<ConversationResponse>, Ok<ConversationResponse>, JsonHttpResult<DirectLineErrorResponse>>> StartConversationAsync(
        HttpRequest request, DirectLineServices services, CancellationToken cancellationToken)
    {
        var (caller, error) = services.Authentication.Authenticate(request, allowSecret: true);
        if (caller is null)
        {
            return error!;
        }

        if (caller.Token is { } token)
        {
            var existing = await services.Conversations.FindAsync(token.ConversationId, cancellationToken);
            if (existing is null)
            {
                return DirectLineErrors.ConversationNotFound();
            }

            services.Turns.Enqueue(new BotTurn(BotTurnKind.ConversationStarted, existing.Id, 0));
            return TypedResults.Ok(Describe(request, services, token.UserId, existing.Id, watermark: null));
        }

        var (userId, bodyError) = await DirectLineTokensApi.ReadUserAsync(request, cancellationToken);
        if (bodyError is not null)
        {
            return bodyError;
        }

        userId ??= DirectLineUserIds.NewAnonymous();
        var conversation = await services.Conversations.StartAsync(ConversationChannel.WebChat, userId, cancellationToken);
        DirectLineLog.ConversationStarted(services.Logger, conversation.Id);
        services.Turns.Enqueue(new BotTurn(BotTurnKind.ConversationStarted, conversation.Id, 0));
        return TypedResults.Created((string?)null, Describe(request, services, userId, conversation.Id, watermark: null));
    }

    /// <summary>Resume: a fresh token and a <c>streamUrl</c> that replays after <paramref name="watermark"/>.</summary>
    public static async Task<Results<Ok<ConversationResponse>, JsonHttpResult<DirectLineErrorResponse>>> GetConversationAsync(
        string id, string? watermark, HttpRequest request, DirectLineServices services, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var conversationId))
        {
            return DirectLineErrors.ConversationNotFound();
        }

        var (token, error) = services.Authentication.AuthorizeConversation(DirectLineRequests.BearerOf(request), conversationId);
        if (token is null)
        {
            return error!;
        }

        if (await services.Conversations.FindAsync(conversationId, cancellationToken) is null)
        {
            return DirectLineErrors.ConversationNotFound();
        }

        return TypedResults.Ok(Describe(request, services, token.UserId, conversationId, DirectLineRequests.ParseWatermark(watermark)));
    }

    private static ConversationResponse Describe(HttpRequest request, DirectLineServices services, string userId, Guid conversationId, long? watermark)
    {
        var token = services.Tokens.Issue(userId, conversationId);
        return new ConversationResponse(
            conversationId.ToString(),
            token.Value,
            token.ExpiresInSeconds,
            DirectLineRequests.StreamUrl(request, conversationId, token.Value, watermark),
            ReferenceGrammarId);
    }
}
