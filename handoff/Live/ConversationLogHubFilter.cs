using ConversationHub.Core.Conversations.Logging;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace ConversationHub.Handoff.Live;

/// <summary>
/// Agents act on a chat through the hub (accept, send, transfer, close, …); every such method takes the chat as its
/// <c>conversationId</c> argument, so its log lines carry <see cref="ConversationLogScope.PropertyName"/> without each
/// method saying so.
/// </summary>
internal sealed class ConversationLogHubFilter(ILogger<ConversationLogHubFilter> logger) : IHubFilter
{
    private const string ArgumentName = "conversationId";

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        var parameters = invocationContext.HubMethod.GetParameters();
        for (var i = 0; i < parameters.Length && i < invocationContext.HubMethodArguments.Count; i++)
        {
            if (string.Equals(parameters[i].Name, ArgumentName, StringComparison.Ordinal) && invocationContext.HubMethodArguments[i] is Guid conversationId)
            {
                using var scope = ConversationLogScope.Begin(logger, conversationId);
                return await next(invocationContext);
            }
        }

        return await next(invocationContext);
    }
}
