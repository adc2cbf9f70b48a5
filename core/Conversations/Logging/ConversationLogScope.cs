using System.Collections;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ConversationHub.Core.Conversations.Logging;

/// <summary>
/// Puts the conversation's id on every log event written while a channel handles it (a logging scope with the one
/// property <c>ConversationId</c>), so one conversation's lines can be found across modules and nodes. The id is the
/// only thing it carries: never the citizen's text, name or address on the channel.
/// </summary>
public static class ConversationLogScope
{
    /// <summary>The property name in structured logs.</summary>
    public const string PropertyName = "ConversationId";

    /// <summary>Where the id is kept for the request's own log line (<see cref="HttpContext.Items"/>), which is written after the scope ends.</summary>
    public static readonly object HttpItemKey = new();

    /// <summary>Begins the scope; dispose it when the conversation's work ends.</summary>
    public static IDisposable? Begin(ILogger logger, Guid conversationId)
    {
        ArgumentNullException.ThrowIfNull(logger);
        return logger.BeginScope(new State(conversationId));
    }

    /// <summary>Begins the scope and records the id for the request's log line.</summary>
    public static IDisposable? Begin(ILogger logger, HttpContext httpContext, Guid conversationId)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Items[HttpItemKey] = conversationId;
        return Begin(logger, conversationId);
    }

    /// <summary>The conversation that the request handled, if it said so.</summary>
    public static Guid? Of(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        return httpContext.Items.TryGetValue(HttpItemKey, out var value) && value is Guid id ? id : null;
    }

    // A list of key/value pairs is what logging providers (Serilog included) turn into properties.
    private sealed class State(Guid conversationId) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public int Count => 1;

        public KeyValuePair<string, object?> this[int index] =>
            index == 0 ? new(PropertyName, conversationId) : throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
        {
            yield return this[0];
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => $"{PropertyName}:{conversationId}";
    }
}
