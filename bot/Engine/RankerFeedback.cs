using System.Text.Json.Nodes;
using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Conversations.Services;
using ConversationHub.Faq.Ranking.Judgements;
using ConversationHub.Faq.Search.Service;
using ConversationHub.Faq.KnowledgeBase.Domain;
using ConversationHub.Faq.Site.Feedback;

namespace ConversationHub.Bot.Engine;

/// <summary>
/// What the citizen's replies in a chat teach the ranker, through faq-site's public recording API: はい/いいえ on the
/// FAQ last answered (the FAQ's feedback, and a judgement pairing the citizen's own question with that FAQ), and a
/// click on one of the bot's suggested questions (related questions, 「もしかして」 candidates) as a
/// <see cref="JudgementSource.SuggestionClick"/> with the position it was shown at.
/// </summary>
/// <remarks>
/// Everything is recorded through <see cref="BotActivityWriter.AfterCommit"/>, i.e. once, by the node whose commit
/// answered the turn: a turn retried after a crash or a lost lease does not record twice.
/// </remarks>
internal sealed class RankerFeedback(IConversationStore store, SubmitFaqFeedback feedback, RecordJudgement judgements, BotActivityWriter writer)
{
    /// <summary>
    /// The channelData key on a bot message that lists the FAQs behind its suggested questions, in the order shown
    /// (<c>[{"faqId","question"}]</c>), so a click can be attributed to an FAQ and a position.
    /// </summary>
    public const string SuggestedFaqsKey = "hub:suggestedFaqs";

    private const int Lookback = 20;

    /// <summary>Adds the FAQs behind <paramref name="suggested"/> to a bot message that offers their questions.</summary>
    public static JsonObject MarkSuggested(JsonObject activity, IEnumerable<FaqSearchResult> suggested)
    {
        var list = new JsonArray([.. suggested.Select(r => (JsonNode)new JsonObject { ["faqId"] = r.FaqId.ToString(), ["question"] = r.Question })]);
        return BotActivities.WithChannelData(activity, SuggestedFaqsKey, list);
    }

    /// <summary>はい (<paramref name="helpful"/>) or いいえ: feedback on the FAQ the bot answered last, once the turn commits.</summary>
    public async Task RecordAnswerFeedbackAsync(Conversation conversation, bool helpful, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var recent = await store.ReadAsync(conversation.Id, Math.Max(0, conversation.LastSequence - Lookback), Lookback, cancellationToken);
        var (answer, answered) = recent.Where(a => a.Direction == ActivityDirection.Outbound)
            .Select(a => (Activity: a, FaqId: TranscriptText.FaqIdOf(a))).LastOrDefault(a => a.FaqId is not null);
        if (answered is not { } faqId)
        {
            return;
        }

        // For the ranker: the citizen's own question paired with the FAQ that answered it (masked when stored).
        var question = TranscriptText.QuestionAnsweredBy(conversation.Id, answer, recent);
        var source = conversation.Channel == ConversationChannel.Line ? JudgementSource.LineFeedback : JudgementSource.ChatFeedback;
        writer.AfterCommit(async ct =>
        {
            await feedback.ExecuteAsync(faqId, helpful ? "yes" : "no", null, FaqFeedbackChannel.Chat, ct);
            if (question is not null)
            {
                await judgements.ExecuteAsync(new JudgementInput(source, question, faqId, helpful ? RankingJudgement.MaxGrade : 0), ct);
            }
        });
    }

    /// <summary>
    /// When <paramref name="text"/> is one of the suggested questions of the bot's latest message with suggestions
    /// (the buttons the citizen sees), records the click once the turn commits: the question those suggestions
    /// answered, the FAQ picked and its 1-based position among the suggested FAQs.
    /// </summary>
    public void RecordSuggestionClick(Conversation conversation, string text, IReadOnlyList<TranscriptActivity> recent)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(recent);
        var shown = recent.LastOrDefault(a => a.Direction == ActivityDirection.Outbound
            && string.Equals(a.Type, "message", StringComparison.Ordinal) && a.ActivityJson.Contains("\"suggestedActions\"", StringComparison.Ordinal));

        // PERF: a substring test first; only a message that carries suggested FAQs is parsed.
        if (shown is null || !shown.ActivityJson.Contains(SuggestedFaqsKey, StringComparison.Ordinal)
            || (TranscriptText.Parse(shown)?["channelData"] as JsonObject)?[SuggestedFaqsKey] is not JsonArray suggested)
        {
            return;
        }

        var position = 0;
        foreach (var entry in suggested.OfType<JsonObject>())
        {
            position++;
            if (entry["question"] is JsonValue question && question.TryGetValue<string>(out var value) && string.Equals(value, text, StringComparison.Ordinal)
                && entry["faqId"] is JsonValue id && id.TryGetValue<string>(out var idText) && Guid.TryParse(idText, out var faqId)
                && TranscriptText.QuestionAnsweredBy(conversation.Id, shown, recent) is { } query)
            {
                var clicked = new JudgementInput(JudgementSource.SuggestionClick, query, faqId, 1, position);
                writer.AfterCommit(ct => judgements.ExecuteAsync(clicked, ct));
                return;
            }
        }
    }
}
