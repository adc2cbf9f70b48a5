using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ConversationHub.Bot.DirectLine.Apis;

/// <summary>
/// The Direct Line 3.0 surface under <c>/v3/directline</c> (shared/specs/directline.md). Every endpoint is
/// <c>AllowAnonymous</c> to ASP.NET Core's authorization because citizens have no staff sign-in; each handler instead
/// checks the Direct Line bearer (the embedder secret or a signed token) with <see cref="Tokens.DirectLineAuthentication"/>,
/// and the stream checks the token in its <c>?t=</c> query, where browsers cannot send headers.
/// </summary>
internal static class DirectLineApi
{
    public const string CorsPolicy = "DirectLine";
    public const string TokenRatePolicy = "DirectLineTokens";

    public static IEndpointRouteBuilder MapDirectLineApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/v3/directline")
            .AllowAnonymous()
            .RequireCors(CorsPolicy)
            .WithTags("DirectLine");
        group.MapDirectLineTokensApi();
        group.MapDirectLineConversationsApi();
        group.MapDirectLineActivitiesApi();
        group.MapDirectLineUploadApi();
        group.MapDirectLineStreamApi();
        return endpoints;
    }
}
