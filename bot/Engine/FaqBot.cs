using System.Text.Json.Nodes;
using ConversationHub.Bot.Resources;
using ConversationHub.Core.Calendar;
using ConversationHub.Core.ContactEvents.Domain;
using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Conversations.Services;
using ConversationHub.Core.Handoff;
using ConversationHub.Faq.KnowledgeBase.Domain;
using ConversationHub.Faq.Persistence;
using ConversationHub.Faq.Search.Service;
using ConversationHub.Faq.Search.Misses;
using ConversationHub.Faq.Search.Tally;
using ConversationHub.Faq.Site;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ConversationHub.Bot.Engine;

/// <summary>
/// The bot's minimal turn: a greeting with the top FAQ fields, and for a question the best public FAQ (title, short
/// answer, link), related questions, and 「解決しましたか？」. It speaks only while it owns the conversation.
/// </summary>
/// <remarks>
/// はい/いいえ are recorded as feedback on the FAQ last answered; いいえ and requests for a person offer options that
/// follow the business calendar; low-confidence results become 「もしかして」 choices.
/// A category picked from the greeting scopes the search (<see cref="CategoryScope"/>). When no person can take the
/// chat, 「メールで回答を受け取る」 takes the question for a department to answer by e-mail (<see cref="ChatIntake"/>).
/// While queued the bot only keeps the citizen informed (place, estimated wait) and lets them leave (待つのをやめる).
/// </remarks>
internal sealed class FaqBot(
    IConversationStore store,
    FaqSearchService search,
    FaqDbContext faq,
    BotActivityWriter writer,
    IStringLocalizer<BotStrings> strings,
    IOptionsMonitor<FaqSiteOptions> site,
    IOptionsMonitor<FaqSearchOptions> searchOptions,
    IBusinessCalendar calendar,
    IHandoffDesk handoffDesk,
    RankerFeedback rankerFeedback,
    FaqQuestionTally tally,
    SearchMissLog misses,
    ChatIntake intake,
    ProgramGreeting programGreeting,
    ProgramBooking booking,
    TranslatedFaqAnswer translatedAnswer,
    TimeProvider time)
{
    private static readonly string[] OperatorWords = ["オペレーター", "オペレータ", "人と話したい", "人と話す", "担当者", "職員と話"];

    // Small talk that is not a question: answered with a prompt, never with an FAQ that happens to match.
    private static readonly string[] Greetings = ["こんにちは", "こんばんは", "おはよう", "おはようございます", "はじめまして", "よろしく", "よろしくお願いします", "hello", "hi", "ありがとう", "ありがとうございます"];

    private const int TopCategories = 6;
    private const int RelatedQuestions = 3;
    private const int AnswerLength = 200;

    /// <summary>
    /// Decides the bot's answer to <paramref name="turn"/> and hands it to the turn's <see cref="BotActivityWriter"/>
    /// (the worker commits it). <paramref name="inbound"/> is the claimed activity of a message turn.
    /// </summary>
    public async Task TakeTurnAsync(BotTurn turn, TranscriptActivity? inbound, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var conversation = await store.FindAsync(turn.ConversationId, cancellationToken);
        BotLanguage.Apply(conversation?.Language);
        if (conversation is { Owner: ConversationOwner.Queued } && inbound is { Direction: ActivityDirection.Inbound } && TranscriptText.Of(inbound) is { } waitingText)
        {
            await KeepInformedAsync(conversation, BotLanguage.ButtonInCurrentLanguage(strings, waitingText).Trim(), ActivityIds.Format(conversation.Id, inbound.Sequence), cancellationToken);
            return;
        }

        if (conversation is not { Owner: ConversationOwner.Bot })
        {
            // With an agent, or ended: the bot stays silent.
            return;
        }

        if (turn.Kind == BotTurnKind.ConversationStarted)
        {
            await GreetAsync(conversation, cancellationToken);
            return;
        }

        if (inbound is { Direction: ActivityDirection.Inbound } && TranscriptText.Of(inbound) is { } text)
        {
            await AnswerAsync(conversation, text, inbound.Sequence, ActivityIds.Format(conversation.Id, inbound.Sequence), cancellationToken);
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

        if (await programGreeting.TryGreetAsync(conversation, cancellationToken))
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

    private async Task AnswerAsync(Conversation conversation, string text, long sequence, string replyToId, CancellationToken cancellationToken)
    {
        var question = BotLanguage.ButtonInCurrentLanguage(strings, text).Trim();

        // 「メールで回答を受け取る」 in progress takes everything the citizen writes (はい included) until it ends.
        if (await intake.TryAnswerAsync(conversation, question, sequence, replyToId, cancellationToken))
        {
            return;
        }
        if (await booking.TryAnswerAsync(conversation, question, sequence, replyToId, cancellationToken))
        {
            return;
        }
        if (await programGreeting.TryAnswerKeywordAsync(conversation, question, replyToId, cancellationToken))
        {
            return;
        }

        if (string.Equals(question, strings["Yes"], StringComparison.Ordinal))
        {
            await rankerFeedback.RecordAnswerFeedbackAsync(conversation, helpful: true, cancellationToken);
            await writer.SendAsync(conversation, BotActivities.Message(strings["ThanksResolved"], replyToId), cancellationToken);
            return;
        }

        if (string.Equals(question, strings["No"], StringComparison.Ordinal))
        {
            await rankerFeedback.RecordAnswerFeedbackAsync(conversation, helpful: false, cancellationToken);
            await OfferOptionsAsync(conversation, strings["SorryNotResolved"], replyToId, cancellationToken);
            return;
        }

        if (string.Equals(question, strings["TalkToOperator"], StringComparison.Ordinal))
        {
            await RequestHandoffAsync(conversation, replyToId, cancellationToken);
            return;
        }

        if (Greetings.Any(g => string.Equals(question.TrimEnd('!', '！', '。', '.', '〜', 'ー'), g, StringComparison.OrdinalIgnoreCase)))
        {
            await writer.SendAsync(conversation, BotActivities.Message(strings["SmallTalk"], replyToId), cancellationToken);
            return;
        }

        if (string.Equals(question, strings["BackToQuestions"], StringComparison.Ordinal))
        {
            await writer.SendAsync(conversation, BotActivities.Message(strings["BackPrompt"], replyToId), cancellationToken);
            return;
        }

        if (string.Equals(question, strings["InquiryByMail"], StringComparison.Ordinal))
        {
            await writer.SendAsync(conversation, BotActivities.Message(strings["InquiryGuide"], replyToId), cancellationToken);
            return;
        }

        if (OperatorWords.Any(w => question.Contains(w, StringComparison.Ordinal)))
        {
            await OfferOptionsAsync(conversation, strings["OperatorAsked"], replyToId, cancellationToken);
            return;
        }

        if (await CategoryScope.FindAsync(faq, question, cancellationToken) is { } picked)
        {
            var prompt = string.Format(System.Globalization.CultureInfo.GetCultureInfo("ja-JP"), strings["ScopeSet"], picked.Name);
            await writer.SendAsync(conversation, CategoryScope.Mark(BotActivities.Message(prompt, replyToId, [(strings["AllFields"], strings["AllFields"])]), picked), cancellationToken);
            return;
        }

        if (string.Equals(question, strings["AllFields"], StringComparison.Ordinal))
        {
            await writer.SendAsync(conversation, CategoryScope.Mark(BotActivities.Message(strings["BackPrompt"], replyToId), null), cancellationToken);
            return;
        }

        await writer.SendAsync(conversation, BotActivities.Typing(replyToId), cancellationToken);

        // One read of the latest activities serves both the scope and a click on a suggested question.
        var recent = await store.ReadAsync(conversation.Id, Math.Max(0, conversation.LastSequence - CategoryScope.Lookback), CategoryScope.Lookback, cancellationToken);
        rankerFeedback.RecordSuggestionClick(conversation, question, recent);
        // A citizen who chose English, Chinese or Korean is answered from the translations first (TranslatedFaqAnswer).
        if (await translatedAnswer.TryAnswerAsync(conversation, question, CategoryScope.Current(recent)?.Id, replyToId, cancellationToken))
            return;
        var (results, widenedFrom) = Search(question, CategoryScope.Current(recent));
        // The editors' numbers: every question counts towards the share answered confidently, and a question nothing
        // answers well (after widening a scope) joins the misses, masked, as on the site.
        var searchChannel = conversation.Channel switch
        {
            ConversationChannel.Line => SearchChannel.Line,
            ConversationChannel.Voice => SearchChannel.Voice,
            _ => SearchChannel.Chat,
        };
        tally.Record(searchChannel, results);
        misses.RecordIfMiss(question, results, searchChannel);
        var lead = widenedFrom is null ? "" : string.Format(System.Globalization.CultureInfo.GetCultureInfo("ja-JP"), strings["ScopeWidened"], widenedFrom.Name) + "\n\n";
        JsonObject Scoped(JsonObject activity) => widenedFrom is null ? activity : CategoryScope.Mark(activity, null);
        if (results.Count == 0)
        {
            await writer.SendAsync(conversation, Scoped(BotActivities.Message(lead + strings["NotFound"], replyToId)), cancellationToken);
            return;
        }

        var best = results[0];
        if (best.Score < searchOptions.CurrentValue.LowConfidenceScore)
        {
            // Not sure enough to answer: let the citizen pick (もしかして), and keep a way out.
            IEnumerable<(string, string)> candidates = [.. results.Select(r => (r.Question, r.Question)), (strings["TalkToOperator"], strings["TalkToOperator"])];
            await writer.SendAsync(conversation, Scoped(RankerFeedback.MarkSuggested(BotActivities.Message(lead + strings["DidYouMean"], replyToId, candidates), results)), cancellationToken);
            return;
        }

        var related = results.Skip(1).Select(r => (r.Question, r.Question)).ToList();
        var answer = $"{lead}**{best.Question}**\n\n{Shorten(best.Snippet)}\n\n[{strings["ReadMore"]}]({FaqUrl(best)})";
        await writer.SendAsync(conversation, Scoped(RankerFeedback.MarkSuggested(BotActivities.Answer(answer, replyToId, best.FaqId, related), results.Skip(1))), cancellationToken);
        writer.Record(new ContactEvent("bot_answered:" + replyToId, ContactEventKind.BotAnswered, ContactChannels.Of(conversation.Channel), time.GetUtcNow().UtcDateTime)
        {
            ConversationId = conversation.Id,
            ProgramId = conversation.ProgramId,
            FaqId = best.FaqId.ToString(),
        });

        // Web Chat shows only the latest message's suggested actions, so the related questions are offered again here.
        IEnumerable<(string, string)> feedback = [(strings["Yes"], strings["Yes"]), (strings["No"], strings["No"]), .. related];
        await writer.SendAsync(conversation, RankerFeedback.MarkSuggested(BotActivities.Message(strings["AskResolved"], replyToId, feedback), results.Skip(1)), cancellationToken);
    }

    // Inside the citizen's chosen field while it has a good answer; otherwise the whole FAQ, and the scope ends
    // (the question was about something else), which the answer says.
    private (IReadOnlyList<FaqSearchResult> Results, CategoryScope? WidenedFrom) Search(string question, CategoryScope? scope)
    {
        if (scope is not null)
        {
            var scoped = search.Search(question, FaqAudience.Public, scope.Id, top: 1 + RelatedQuestions);
            if (scoped is [var top, ..] && top.Score >= searchOptions.CurrentValue.LowConfidenceScore)
            {
                return (scoped, null);
            }

            return (search.Search(question, FaqAudience.Public, top: 1 + RelatedQuestions), scope);
        }

        return (search.Search(question, FaqAudience.Public, top: 1 + RelatedQuestions), null);
    }

    // The options after いいえ or a request for a person depend on the calendar: outside opening hours nothing
    // promises a person, only the hours and the inquiry form.
    private async Task OfferOptionsAsync(Conversation conversation, string lead, string replyToId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (calendar.IsOpen(now))
        {
            IEnumerable<(string, string)> open = [(strings["TalkToOperator"], strings["TalkToOperator"]), (strings["InquiryByMail"], strings["InquiryByMail"]), (strings["BackToQuestions"], strings["BackToQuestions"])];
            await writer.SendAsync(conversation, BotActivities.Message(lead + "\n\n" + strings["OptionsOpen"], replyToId, open), cancellationToken);
            return;
        }

        var next = calendar.GetNextOpening(now);
        var hours = next is { } at ? string.Format(System.Globalization.CultureInfo.GetCultureInfo("ja-JP"), strings["NextOpening"], at.ToOffset(TimeSpan.FromHours(9))) : "";
        IEnumerable<(string, string)> closed = [(strings["AnswerByMail"], strings["AnswerByMail"]), (strings["InquiryByMail"], strings["InquiryByMail"]), (strings["BackToQuestions"], strings["BackToQuestions"])];
        await writer.SendAsync(conversation, BotActivities.Message(lead + "\n\n" + strings["OptionsClosed"] + hours, replyToId, closed), cancellationToken);
    }

    // Bot Framework's convention: the bot emits handoff.initiate with its reason and what the conversation was about;
    // the queue answers with handoff.status. A person is offered only when the queue can take the citizen (open hours,
    // an agent signed in, not congested); otherwise the inquiry form and the phone number, in plain Japanese.
    private async Task RequestHandoffAsync(Conversation conversation, string replyToId, CancellationToken cancellationToken)
    {
        if (!calendar.IsOpen(time.GetUtcNow()))
        {
            await OfferOptionsAsync(conversation, strings["OperatorAsked"], replyToId, cancellationToken);
            return;
        }

        var recent = await store.ReadAsync(conversation.Id, Math.Max(0, conversation.LastSequence - CategoryScope.Lookback), CategoryScope.Lookback, cancellationToken);
        var category = CategoryScope.Current(recent)?.Name;
        var check = await handoffDesk.CheckAsync(conversation.Channel, category, time.GetUtcNow(), cancellationToken);
        if (check.Availability != HandoffAvailability.Available)
        {
            await OfferFallbackAsync(conversation, check.Availability, replyToId, cancellationToken);
            return;
        }

        // The owner moves first: a turn retried after a crash finds the conversation queued and only informs.
        conversation.RequestHandoff("user_request", time.GetUtcNow().UtcDateTime, category);
        await store.SaveAsync(conversation, cancellationToken);
        var value = new JsonObject
        {
            ["reason"] = "user_request",
            ["conversationId"] = conversation.Id.ToString(),
            ["transcriptUntil"] = conversation.LastSequence,
            ["category"] = category,
            ["language"] = conversation.Language,
        };
        await writer.SendAsync(conversation, BotActivities.Event("handoff.initiate", value, replyToId), cancellationToken);

        // The first handoff.status comes with the turn's answer (the queue announces later changes of place), so the
        // web chat's status bar shows at once and the queue writes nothing for a citizen who is taken at once.
        var status = new JsonObject
        {
            ["state"] = "queued",
            ["position"] = check.Waiting + 1,
            ["estimatedWaitSeconds"] = (int)Math.Ceiling((check.EstimatedWait ?? TimeSpan.FromMinutes(1)).TotalSeconds),
        };
        await writer.SendAsync(conversation, BotActivities.Event("handoff.status", status, replyToId), cancellationToken);
        var text = string.Format(Japanese, strings["HandoffQueued"], check.Waiting + 1, Minutes(check.EstimatedWait));
        await writer.SendAsync(conversation, BotActivities.Message(text, replyToId, [(strings["StopWaiting"], strings["StopWaiting"])]), cancellationToken);
    }

    // Queued: 待つのをやめる leaves the queue (abandoned); anything else gets the place and the estimated wait.
    private async Task KeepInformedAsync(Conversation conversation, string text, string replyToId, CancellationToken cancellationToken)
    {
        if (string.Equals(text, strings["StopWaiting"], StringComparison.Ordinal))
        {
            conversation.Abandon(time.GetUtcNow().UtcDateTime);
            try
            {
                await store.SaveAsync(conversation, cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // An agent accepted at that moment: the agent is there now, so nothing is abandoned.
                return;
            }

            await writer.SendAsync(conversation, BotActivities.Event("handoff.status", new JsonObject { ["state"] = "abandoned" }, replyToId), cancellationToken);
            // The abandoned conversation is over: on LINE the citizen's next message starts a new one; on web chat the
            // widget offers 「新しく質問する」.
            var stopped = conversation.Channel == ConversationChannel.Line ? strings["StoppedWaitingLine"] : strings["StoppedWaiting"];
            await writer.SendAsync(conversation, BotActivities.Message(stopped, replyToId), cancellationToken);
            return;
        }

        var standing = await handoffDesk.GetStandingAsync(conversation.Id, cancellationToken);
        var message = standing is null
            ? strings["HandoffWaitingShort"].Value
            : string.Format(Japanese, strings["HandoffStillQueued"], standing.Position, Minutes(standing.EstimatedWait));
        await writer.SendAsync(conversation, BotActivities.Message(message, replyToId, [(strings["StopWaiting"], strings["StopWaiting"])]), cancellationToken);
    }

    private async Task OfferFallbackAsync(Conversation conversation, HandoffAvailability why, string replyToId, CancellationToken cancellationToken)
    {
        if (why == HandoffAvailability.Closed)
        {
            await OfferOptionsAsync(conversation, strings["OperatorAsked"], replyToId, cancellationToken);
            return;
        }

        var lead = why == HandoffAvailability.Congested ? strings["CongestedLead"] : strings["NoAgentsLead"];
        if (why == HandoffAvailability.Congested)
        {
            writer.Record(new ContactEvent("congestion:" + replyToId, ContactEventKind.Congestion, ContactChannels.Of(conversation.Channel), time.GetUtcNow().UtcDateTime)
            {
                ConversationId = conversation.Id,
                ProgramId = conversation.ProgramId,
            });
        }

        var text = lead + "\n\n" + string.Format(Japanese, strings["HandoffFallback"], site.CurrentValue.ContactPhone);
        IEnumerable<(string, string)> next = [(strings["AnswerByMail"], strings["AnswerByMail"]), (strings["InquiryByMail"], strings["InquiryByMail"]), (strings["BackToQuestions"], strings["BackToQuestions"])];
        await writer.SendAsync(conversation, BotActivities.Message(text, replyToId, next), cancellationToken);
    }

    private static readonly System.Globalization.CultureInfo Japanese = System.Globalization.CultureInfo.GetCultureInfo("ja-JP");

    // Whole minutes, at least 1: 「約 1 分」 rather than 「約 0 分」.
    private static int Minutes(TimeSpan? wait) => Math.Max(1, (int)Math.Ceiling((wait ?? TimeSpan.FromMinutes(1)).TotalMinutes));

    private string FaqUrl(FaqSearchResult result)
    {
        var path = FaqSlug.CanonicalPath(result.FaqId, result.Question);
        var origin = site.CurrentValue.PublicBaseUrl;
        return string.IsNullOrWhiteSpace(origin) ? path : origin.TrimEnd('/') + path;
    }

    private static string Shorten(string text) => text.Length <= AnswerLength ? text : string.Concat(text.AsSpan(0, AnswerLength), "…");
}
