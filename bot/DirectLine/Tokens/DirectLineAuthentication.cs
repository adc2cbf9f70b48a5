using ConversationHub.Bot.DirectLine.Wire;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ConversationHub.Bot.DirectLine.Tokens;

/// <summary>
/// Direct Line's own authentication. The endpoints are anonymous to ASP.NET Core's authorization (citizens have no
/// staff cookie) and each handler calls this first: a missing bearer is 401, an invalid or expired token 403 (what
/// the Direct Line client reads as ExpiredToken), a token for another conversation 403.
/// </summary>
internal sealed class DirectLineAuthentication(DirectLineTokenService tokens, IOptionsMonitor<DirectLineOptions> options)
{
    public static string? BearerOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    /// <summary>A token holder or, when <paramref name="allowSecret"/>, the embedder; otherwise the error to return.</summary>
    public (DirectLineCaller? Caller, JsonHttpResult<DirectLineErrorResponse>? Error) Authenticate(HttpRequest request, bool allowSecret)
    {
        var bearer = BearerOf(request);
        if (string.IsNullOrEmpty(bearer))
        {
            return (null, DirectLineErrors.MissingToken());
        }

        if (allowSecret && DirectLineSecret.Matches(options.CurrentValue.Secret, bearer))
        {
            return (new DirectLineCaller(IsEmbedder: true, Token: null), null);
        }

        return tokens.Validate(bearer) is { } token ? (new DirectLineCaller(false, token), null) : (null, DirectLineErrors.InvalidToken());
    }

    /// <summary>The token when it is valid for <paramref name="conversationId"/>; otherwise the error to return.</summary>
    public (DirectLineToken? Token, JsonHttpResult<DirectLineErrorResponse>? Error) AuthorizeConversation(string? bearer, Guid conversationId)
    {
        if (string.IsNullOrEmpty(bearer))
        {
            return (null, DirectLineErrors.MissingToken());
        }

        var token = tokens.Validate(bearer);
        if (token is null)
        {
            return (null, DirectLineErrors.InvalidToken());
        }

        return token.ConversationId == conversationId ? (token, null) : (null, DirectLineErrors.WrongConversation());
    }
}
