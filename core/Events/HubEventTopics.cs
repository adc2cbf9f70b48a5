using System.Text.RegularExpressions;

namespace ConversationHub.Core.Events;

/// <summary>Well-known topics and the topic name rule.</summary>
public static partial class HubEventTopics
{
    /// <summary>
    /// Raised locally after the connection to the event bus was lost and restored: events may have been missed,
    /// so subscribers should reload what they cache.
    /// </summary>
    public const string Reconnected = "hub.reconnected";

    /// <summary>Whether <paramref name="topic"/> is a lower-case dotted name (letters, digits, '_', '.', up to 100).</summary>
    public static bool IsValid(string topic) => topic is not null && TopicPattern().IsMatch(topic);

    internal static void ThrowIfInvalid(string topic, string payload)
    {
        if (!IsValid(topic))
        {
            throw new ArgumentException($"Topic '{topic}' must be a lower-case dotted name such as 'faq.changed'.", nameof(topic));
        }

        ArgumentNullException.ThrowIfNull(payload);
        if (System.Text.Encoding.UTF8.GetByteCount(payload) > IHubEvents.MaxPayloadBytes)
        {
            throw new ArgumentException($"Payload is over {IHubEvents.MaxPayloadBytes} bytes; publish ids and read the data from the database.", nameof(payload));
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*$")]
    private static partial Regex TopicPattern();
}
