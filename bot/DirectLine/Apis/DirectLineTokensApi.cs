using System.Text.Json;
using ConversationHub.Bot.DirectLine.Tokens;
using ConversationHub.Bot.DirectLine.Wire;
using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Programs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ConversationHub.Bot.DirectLine.Apis;

/// <summary><c>POST /tokens/generate</c> and <c>POST /tokens/refresh</c>.</summary>
internal static class DirectLineTokensApi
{
    private const int MaxStartBodyBytes = 4096;

    public static RouteGroupBuilder MapDirectLineTokensApi(this RouteGroupBuilder group)
    {
        group.MapPost("/tokens/generate", GenerateTokenAsync).WithName("DirectLineGenerateToken").RequireRateLimiting(DirectLineApi.TokenRatePolicy);
        group.MapPost("/tokens/refresh", RefreshToken).WithName("DirectLineRefreshToken");
        return group;
    }

    /// <summary>
    /// Without credentials: an anonymous citizen token for a fresh <c>dl_…</c> user and a new conversation
    /// (rate-limited per client address). With the embedder secret: the same, for the body's <c>user.id</c> if given.
    /// <c>?program=&lt;code&gt;</c> (a program's chat entry) makes the conversation the program's while it is in service;
    /// an unknown code, or a program not in service, starts an ordinary conversation. <c>&amp;lang=en</c> (one of the
    /// program's languages) starts it in that language; any other value is ignored.
    /// </summary>
    public static async Task<Results<Ok<ConversationResponse>, JsonHttpResult<DirectLineErrorResponse>>> GenerateTokenAsync(
        HttpRequest request, DirectLineServices services, IProgramDirectory programs, CancellationToken cancellationToken)
    {
        var userId = DirectLineUserIds.NewAnonymous();
        var bearer = DirectLineRequests.BearerOf(request);
        if (!string.IsNullOrEmpty(bearer))
        {
            if (!DirectLineSecret.Matches(services.Options.Secret, bearer))
            {
                return DirectLineErrors.InvalidToken();
            }

            var (user, error) = await ReadUserAsync(request, cancellationToken);
            if (error is not null)
            {
                return error;
            }

            userId = user ?? userId;
        }

        var program = request.Query["program"].ToString() is { Length: > 0 } code ? await programs.FindByCodeAsync(code, cancellationToken) : null;
        var conversation = await services.Conversations.StartAsync(ConversationChannel.WebChat, userId, program is { InService: true } ? program.Id : null, cancellationToken);
        if (program is { InService: true } && request.Query["lang"].ToString() is { Length: > 0 } language
            && !string.Equals(language, "ja", StringComparison.Ordinal) && program.Languages.Contains(language, StringComparer.Ordinal))
        {
            // The program's entry in a language (?program=coupon&lang=en): the bot greets in it from the first turn.
            conversation.ChooseLanguage(language);
            await services.Conversations.SaveAsync(conversation, cancellationToken);
        }

        DirectLineLog.ConversationStarted(services.Logger, conversation.Id);
        var token = services.Tokens.Issue(userId, conversation.Id);
        return TypedResults.Ok(new ConversationResponse(conversation.Id.ToString(), token.Value, token.ExpiresInSeconds));
    }

    /// <summary>A new token with the same user and conversation, valid for another full lifetime.</summary>
    public static Results<Ok<ConversationResponse>, JsonHttpResult<DirectLineErrorResponse>> RefreshToken(
        HttpRequest request, DirectLineServices services)
    {
        var (caller, error) = services.Authentication.Authenticate(request, allowSecret: false);
        if (caller?.Token is not { } current)
        {
            return error ?? DirectLineErrors.InvalidToken();
        }

        var token = services.Tokens.Issue(current.UserId, current.ConversationId);
        return TypedResults.Ok(new ConversationResponse(current.ConversationId.ToString(), token.Value, token.ExpiresInSeconds));
    }

    /// <summary>The body's <c>user.id</c> (null when there is no body or no id), or a 400.</summary>
    internal static async Task<(string? UserId, JsonHttpResult<DirectLineErrorResponse>? Error)> ReadUserAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await DirectLineRequests.ReadBodyAsync(request, MaxStartBodyBytes, cancellationToken);
        if (body is null)
        {
            return (null, DirectLineErrors.TooLarge("The body is too large."));
        }

        if (body.Length == 0)
        {
            return (null, null);
        }

        try
        {
            var id = JsonSerializer.Deserialize<StartConversationRequest>(body)?.User?.Id;
            if (id is not null && !DirectLineUserIds.IsValid(id))
            {
                return (null, DirectLineErrors.BadArgument("user.id must be at most 64 letters, digits or -_.:@."));
            }

            return (id, null);
        }
        catch (JsonException)
        {
            return (null, DirectLineErrors.BadArgument("The body is not JSON."));
        }
    }
}
