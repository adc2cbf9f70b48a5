using System.Text.Json;
using System.Text.Json.Nodes;
using ConversationHub.Bot.Resources;
using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Conversations.Services;
using ConversationHub.Faq.KnowledgeBase.Domain;
using ConversationHub.Faq.Persistence;
using ConversationHub.Faq.Search.Service;
using ConversationHub.Faq.Site;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ConversationHub.Bot.Engine;

/// <summary>
/// The bot's minimal turn: a greeting with the top FAQ fields, and for a question the best public FAQ (title, short
/// answer, link), related questions, and 「解決しましたか？」. It speaks only while it owns the conversation.
/// </summary>
/// <remarks>TODO(issue 5 follow-up): answering policy, confidence thresholds, feedback recording and handoff.</remarks>
internal sealed class FaqBot(
    IConversationStore store,
    FaqSearchService search,
    FaqDbContext faq,
    BotActivityWriter writer,
    IStringLocalizer<BotStrings> strings,
    IOptionsMonitor<FaqSiteOptions> site,
    TimeProvider time)
{
    private const int TopCategories = 6;
    private const int RelatedQuestions = 3;
    private const int AnswerLength = 200;

    public async Task TakeTurnAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var conversation = await store.FindAsync(turn.ConversationId, cancellationToken);
        if (conversation is not { Owner: ConversationOwner.Bot })
        {
            // Queued, with an agent, or ended: the bot stays silent.
            return;
        }

        if (turn.Kind == BotTurnKind.ConversationStarted)
        {
            await GreetAsync(conversation, cancellationToken);
            return;
        }

        var inbound = await store.ReadAsync(conversation.Id, turn.Sequence - 1, 1, cancellationToken);
        if (inbound is [{ Direction: ActivityDirection.Inbound } activity] && TextOf(activity) is { } text)
        {
            await AnswerAsync(conversation, text, ActivityIds.Format(conversation.Id, activity.Sequence), cancellationToken);
        }
    }

    private async Task GreetAsync(Conversation conversation, CancellationToken cancellationToken)
    {
        // Greet once: a client that announces itself again (reconnect, webchat/join) gets no second greeting.
        var transcript = await store.ReadAsync(conversation.Id, 0, 500, cancellationToken);
        if (transcript.Any(a => a.Direction == ActivityDirection.Outbound))
        {
            return;
        }

        var categories = await faq.Visible(time.GetUtcNow().UtcDateTime)
            .SelectMany(f => f.Categories)
            .Where(c => c.Kind == FaqCategoryKind.Field)
            .GroupBy(c => new { c.Name, c.SortOrder })
            .OrderBy(g => g.Key.SortOrder).ThenBy(g => g.Key.Name)
            .Select(g => g.Key.Name)
            .Take(TopCategories)
            .ToListAsync(cancellationToken);
        await writer.SendAsync(conversation, BotActivities.Message(strings["Greeting"], null, categories.Select(c => (c, c))), cancellationToken);
    }

    private async Task AnswerAsync(Conversation conversation, string text, string replyToId, CancellationToken cancellationToken)
    {
        var question = text.Trim();
        if (string.Equals(question, strings["Yes"], StringComparison.Ordinal))
        {
            await writer.SendAsync(conversation, BotActivities.Message(strings["ThanksResolved"], replyToId), cancellationToken);
            return;
        }

        if (string.Equals(question, strings["No"], StringComparison.Ordinal))
        {
            await writer.SendAsync(conversation, BotActivities.Message(strings["SorryNotResolved"], replyToId), cancellationToken);
            return;
        }

        await writer.SendAsync(conversation, BotActivities.Typing(replyToId), cancellationToken);
        var results = search.Search(question, FaqAudience.Public, top: 1 + RelatedQuestions);
        if (results.Count == 0)
        {
            await writer.SendAsync(conversation, BotActivities.Message(strings["NotFound"], replyToId), cancellationToken);
            return;
        }

        var best = results[0];
        var related = results.Skip(1).Select(r => (r.Question, r.Question)).ToList();
        var answer = $"**{best.Question}**\n\n{Shorten(best.Snippet)}\n\n[{strings["ReadMore"]}]({FaqUrl(best)})";
        await writer.SendAsync(conversation, BotActivities.Message(answer, replyToId, related), cancellationToken);

        // Web Chat shows only the latest message's suggested actions, so the related questions are offered again here.
        IEnumerable<(string, string)> feedback = [(strings["Yes"], strings["Yes"]), (strings["No"], strings["No"]), .. related];
        await writer.SendAsync(conversation, BotActivities.Message(strings["AskResolved"], replyToId, feedback), cancellationToken);
    }

    private string FaqUrl(FaqSearchResult result)
    {
        var path = FaqSlug.CanonicalPath(result.FaqId, result.Question);
        var origin = site.CurrentValue.PublicBaseUrl;
        return string.IsNullOrWhiteSpace(origin) ? path : origin.TrimEnd('/') + path;
    }

    private static string Shorten(string text) => text.Length <= AnswerLength ? text : string.Concat(text.AsSpan(0, AnswerLength), "…");

    private static string? TextOf(TranscriptActivity activity)
    {
        if (!string.Equals(activity.Type, "message", StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            var text = (JsonNode.Parse(activity.ActivityJson) as JsonObject)?["text"] as JsonValue;
            return text is not null && text.TryGetValue<string>(out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
