using System.Text.Json.Nodes;
using ConversationHub.Core.Conversations.Domain;
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

    /// <summary>How many of the latest activities the scope is looked for in.</summary>
    public const int Lookback = 40;

    /// <summary>The visible FAQ field named exactly <paramref name="text"/> (what the greeting's buttons send).</summary>
    public static async Task<CategoryScope?> FindAsync(FaqDbContext faq, string text, CancellationToken cancellationToken) =>
        await faq.Categories.AsNoTracking()
            .Where(c => c.Kind == FaqCategoryKind.Field && c.Name == text)
            .OrderBy(c => c.SortOrder)
            .Select(c => new CategoryScope(c.Id, c.Name))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The scope set by the bot's latest activity, among the <see cref="Lookback"/> latest, that set or ended one.</summary>
    public static CategoryScope? Current(IReadOnlyList<TranscriptActivity> recent)
    {
        ArgumentNullException.ThrowIfNull(recent);
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
    public static JsonObject Mark(JsonObject activity, CategoryScope? scope) =>
        BotActivities.WithChannelData(activity, Key, scope is null ? null : new JsonObject { ["id"] = scope.Id.ToString(), ["name"] = scope.Name });

    private static (bool Found, CategoryScope? Value)? ScopeOf(TranscriptActivity activity)
    {
        // PERF: most bot activities never touch the scope; a substring test spares parsing each of them every turn.
        if (!activity.ActivityJson.Contains(Key, StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            if (TranscriptText.Parse(activity)?["channelData"] is not JsonObject data || !data.TryGetPropertyValue(Key, out var value))
            {
                return null;
            }

            return value is JsonObject scope && Guid.TryParse(scope["id"]?.GetValue<string>(), out var id)
                ? (true, new CategoryScope(id, scope["name"]?.GetValue<string>() ?? ""))
                : (true, null);
        }
        catch (InvalidOperationException)
        {
            // An id or name that is not a string.
            return null;
        }
    }
}
