using ConversationHub.Bot.DirectLine.Streaming;
using ConversationHub.Bot.DirectLine.Tokens;
using ConversationHub.Core.Conversations.Services;
using ConversationHub.Bot.DirectLine.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Bot.DirectLine.Apis;

/// <summary>The <c>streamUrl</c> WebSocket: <c>GET /conversations/{id}/stream?t=&lt;token&gt;&amp;watermark=</c>.</summary>
internal static class DirectLineStreamApi
{
    public static RouteGroupBuilder MapDirectLineStreamApi(this RouteGroupBuilder group)
    {
        group.MapGet("/conversations/{id}/stream", StreamAsync).WithName("DirectLineStream");
        return group;
    }

    /// <summary>
    /// Checks the token from the URL before the upgrade (a browser cannot send headers on a WebSocket), then runs
    /// the stream until either side closes.
    /// </summary>
    /// <remarks>
    /// PERF: the handler takes no scoped services. The request's scope lives as long as the socket, so a DbContext
    /// resolved in it (and the conversation it tracked) stayed in memory for every open conversation; the lookup runs
    /// in a scope of its own instead (issue 5: server memory per idle conversation).
    /// </remarks>
    public static async Task<Results<EmptyHttpResult, JsonHttpResult<DirectLineErrorResponse>>> StreamAsync(
        string id, string? t, string? watermark, HttpContext context, DirectLineAuthentication authentication, IServiceScopeFactory scopes,
        DirectLineStream stream, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var conversationId))
        {
            return DirectLineErrors.ConversationNotFound();
        }

        var (token, error) = authentication.AuthorizeConversation(t, conversationId);
        if (token is null)
        {
            return error!;
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            if (await scope.ServiceProvider.GetRequiredService<IConversationStore>().FindAsync(conversationId, cancellationToken) is null)
            {
                return DirectLineErrors.ConversationNotFound();
            }
        }

        if (!context.WebSockets.IsWebSocketRequest)
        {
            return DirectLineErrors.BadArgument("The stream URL takes a WebSocket upgrade request.");
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        await stream.RunAsync(socket, conversationId, DirectLineRequests.ParseWatermark(watermark), context.Request, cancellationToken);
        return TypedResults.Empty;
    }
}
