using System.Text.Json;
using System.Text.Json.Nodes;
using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Conversations.Services;
using ConversationHub.Faq.KnowledgeBase.Domain;
using ConversationHub.Faq.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Bot.Engine;

/// <summary>The FAQ field the citizen picked: searches stay inside it until they pick another or it is widened.</summary>
internal sealed record CategoryScope(Guid Id, string Name)
{
    /// <summary>
    /// The channelData key on the bot's activity that sets the scope (an object) or ends it (null). The scope lives in
    /// the transcript, so any node answering the next turn knows it; activities without the key leave it as it is.
    /// </summary>
    public const string Key = "hub:category";

    private const int Lookback = 40;

    /// <summary>The visible FAQ field named exactly <paramref name="text"/> (what the greeting's buttons send).</summary>
    public static async Task<CategoryScope?> FindAsync(FaqDbContext faq, string text, CancellationToken cancellationToken) =>
        await faq.Categories.AsNoTracking()
            .Where(c => c.Kind == FaqCategoryKind.Field && c.Name == text)
            .OrderBy(c => c.SortOrder)
            .Select(c => new CategoryScope(c.Id, c.Name))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The scope set by the bot's latest activity that set or ended one.</summary>
    public static async Task<CategoryScope?> CurrentAsync(IConversationStore store, Conversation conversation, CancellationToken cancellationToken)
    {
        var recent = await store.ReadAsync(conversation.Id, Math.Max(0, conversation.LastSequence - Lookback), Lookback, cancellationToken);
        foreach (var activity in recent.Reverse().Where(a => a.Direction == ActivityDirection.Outbound && a.FromRole == "bot"))
        {
            if (ScopeOf(activity) is { Found: true } scope)
            {
                return scope.Value;
            }
        }

        return null;
    }

    /// <summary>Sets (or, for null, ends) the scope on a bot activity.</summary>
    public static JsonObject Mark(JsonObject activity, CategoryScope? scope)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var channelData = activity["channelData"] as JsonObject ?? [];
        channelData[Key] = scope is null ? null : new JsonObject { ["id"] = scope.Id.ToString(), ["name"] = scope.Name };
        activity["channelData"] = channelData;
        return activity;
    }

    private static (bool Found, CategoryScope? Value)? ScopeOf(TranscriptActivity activity)
    {
        try
        {
            if (JsonNode.Parse(activity.ActivityJson)?["channelData"] is not JsonObject data || !data.TryGetPropertyValue(Key, out var value))
            {
                return null;
            }

            return value is JsonObject scope && Guid.TryParse(scope["id"]?.GetValue<string>(), out var id)
                ? (true, new CategoryScope(id, scope["name"]?.GetValue<string>() ?? ""))
                : (true, null);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return null;
        }
    }
}
