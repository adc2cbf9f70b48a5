using ConversationHub.Bot.DirectLine.Wire;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ConversationHub.Bot.DirectLine;

/// <summary>
/// The errors the Direct Line client understands. It looks only at the status: 401/403 mean the token is missing,
/// invalid or expired (the client stops and reports ExpiredToken), 404 that the conversation does not exist or ended.
/// </summary>
internal static class DirectLineErrors
{
    public static JsonHttpResult<DirectLineErrorResponse> MissingToken() =>
        Create(StatusCodes.Status401Unauthorized, "MissingToken", "An Authorization: Bearer token is required.");

    public static JsonHttpResult<DirectLineErrorResponse> InvalidToken() =>
        Create(StatusCodes.Status403Forbidden, "TokenInvalid", "The token is invalid or expired.");

    public static JsonHttpResult<DirectLineErrorResponse> WrongConversation() =>
        Create(StatusCodes.Status403Forbidden, "Forbidden", "The token is not valid for this conversation.");

    public static JsonHttpResult<DirectLineErrorResponse> ConversationNotFound() =>
        Create(StatusCodes.Status404NotFound, "NotFound", "The conversation does not exist.");

    public static JsonHttpResult<DirectLineErrorResponse> ConversationEnded() =>
        Create(StatusCodes.Status404NotFound, "ConversationEnded", "The conversation has ended.");

    public static JsonHttpResult<DirectLineErrorResponse> BadArgument(string message) =>
        Create(StatusCodes.Status400BadRequest, "BadArgument", message);

    public static JsonHttpResult<DirectLineErrorResponse> TooLarge(string message) =>
        Create(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", message);

    public static JsonHttpResult<DirectLineErrorResponse> UnsupportedMediaType(string message) =>
        Create(StatusCodes.Status415UnsupportedMediaType, "UnsupportedMediaType", message);

    public static JsonHttpResult<DirectLineErrorResponse> Create(int statusCode, string code, string message) =>
        TypedResults.Json(new DirectLineErrorResponse(new DirectLineError(code, message)), statusCode: statusCode);
}
