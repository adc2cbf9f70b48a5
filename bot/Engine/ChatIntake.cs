using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ConversationHub.Bot.Resources;
using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Conversations.Services;
using ConversationHub.Core.Handoff;
using ConversationHub.Faq.Site;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConversationHub.Bot.Engine;

/// <summary>
/// 「メールで回答を受け取る」: when no person can take the chat, the bot takes the citizen's question for a department to
/// answer by e-mail. It asks for the address (re-asks politely when it is not one), then for the question (asked anew:
/// the citizen's last message is often 「オペレーターと話す」, not the question), shows both for はい / 修正する, and makes
/// the case through core's <see cref="ICaseIntake"/>, then gives the 受付番号. 「やめる」 ends it at any step.
/// </summary>
/// <remarks>
/// The step and what the citizen gave so far live on the bot's prompt, in its channelData under <see cref="Key"/>
/// (the transcript is encrypted at rest and read by whichever node takes the next turn), as <see cref="CategoryScope"/>
/// does. The intake is in progress only while the latest outbound message is such a prompt: anything else said since
/// (an agent, another answer) ends it. The case is made once per citizen turn (the turn's id is the request key), so a
/// turn retried after a crash gives the same number.
/// </remarks>
internal sealed partial class ChatIntake(
    IConversationStore store,
    BotActivityWriter writer,
    ICaseIntake intake,
    IStringLocalizer<BotStrings> strings,
    IOptionsMonitor<FaqSiteOptions> site,
    ILogger<ChatIntake> logger)
{
    /// <summary>The channelData key of the intake's state on the bot's prompts.</summary>
    public const string Key = "hub:intake";

    /// <summary>The longest question taken in the chat (characters); longer ones are asked again.</summary>
    public const int MaxText = 2000;

    private const int Lookback = 20;
    private const string AskEmail = "email";
    private const string AskText = "text";
    private const string AskConfirm = "confirm";

    private static readonly CultureInfo Japanese = CultureInfo.GetCultureInfo("ja-JP");

    /// <summary>
    /// Answers <paramref name="text"/> when it starts an intake or belongs to the one in progress; false when it is none
    /// of the intake's business (the bot answers it as usual).
    /// </summary>
    public async Task<bool> TryAnswerAsync(Conversation conversation, string text, long sequence, string replyToId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        if (string.Equals(text, strings["AnswerByMail"], StringComparison.Ordinal))
        {
            await PromptAsync(conversation, strings["IntakeAskEmail"], new IntakeState(AskEmail, null, null), replyToId, cancellationToken);
            return true;
        }

        var recent = await store.ReadAsync(conversation.Id, Math.Max(0, conversation.LastSequence - Lookback), Lookback + 1, cancellationToken);
        if (Current(recent, sequence) is not { } state)
        {
            return false;
        }

        if (string.Equals(text, strings["IntakeCancel"], StringComparison.Ordinal))
        {
            await writer.SendAsync(conversation, BotActivities.Message(strings["IntakeCancelled"], replyToId, [(strings["BackToQuestions"], strings["BackToQuestions"])]), cancellationToken);
            return true;
        }

        switch (state.Step)
        {
            case AskEmail:
                var email = text.Normalize(NormalizationForm.FormKC).Trim();
                if (!CitizenMailAddress.IsValid(email))
                {
                    await PromptAsync(conversation, strings["IntakeBadEmail"], state, replyToId, cancellationToken);
                    return true;
                }

                await PromptAsync(conversation, strings["IntakeAskText"], state with { Step = AskText, Email = email }, replyToId, cancellationToken);
                return true;

            case AskText when text.Trim().Length > MaxText:
                await PromptAsync(conversation, string.Format(Japanese, strings["IntakeTooLong"], MaxText, text.Trim().Length), state, replyToId, cancellationToken);
                return true;

            case AskText:
                var confirm = state with { Step = AskConfirm, Text = text.Trim() };
                await PromptAsync(conversation, string.Format(Japanese, strings["IntakeConfirm"], confirm.Email, confirm.Text), confirm, replyToId, cancellationToken);
                return true;

            case AskConfirm when string.Equals(text, strings["Yes"], StringComparison.Ordinal) && state is { Email: { } to, Text: { } question }:
                await CreateAsync(conversation, to, question, sequence, recent, replyToId, cancellationToken);
                return true;

            case AskConfirm when string.Equals(text, strings["IntakeFix"], StringComparison.Ordinal):
                await PromptAsync(conversation, strings["IntakeAskEmail"], new IntakeState(AskEmail, null, null), replyToId, cancellationToken);
                return true;

            default:
                // An answer the step does not expect: the same question again, with its buttons.
                var again = strings["IntakeConfirmChoose"] + "\n\n" + string.Format(Japanese, strings["IntakeConfirm"], state.Email, state.Text);
                await PromptAsync(conversation, state.Step == AskConfirm ? again : strings["IntakeAskEmail"], state.Step == AskConfirm ? state : new IntakeState(AskEmail, null, null), replyToId, cancellationToken);
                return true;
        }
    }

    private async Task CreateAsync(Conversation conversation, string email, string question, long sequence, IReadOnlyList<TranscriptActivity> recent, string replyToId, CancellationToken cancellationToken)
    {
        // The FAQ the bot answered last, if any, is where the citizen's question came from.
        var faqId = recent.Where(a => a.Direction == ActivityDirection.Outbound).Select(TranscriptText.FaqIdOf).LastOrDefault(id => id is not null);
        var key = string.Create(CultureInfo.InvariantCulture, $"chat:{conversation.Id:N}:{sequence}");
        var number = await intake.CreateFromChatAsync(new ChatCaseRequest(conversation.Id, email, question, faqId?.ToString(), key), cancellationToken);
        if (number is null)
        {
            Log.IntakeFailed(logger, conversation.Id);
            IEnumerable<(string, string)> next = [(strings["InquiryByMail"], strings["InquiryByMail"]), (strings["BackToQuestions"], strings["BackToQuestions"])];
            await writer.SendAsync(conversation, BotActivities.Message(string.Format(Japanese, strings["IntakeFailed"], site.CurrentValue.ContactPhone), replyToId, next), cancellationToken);
            return;
        }

        Log.CaseCreated(logger, conversation.Id, number);
        await writer.SendAsync(conversation, BotActivities.Message(string.Format(Japanese, strings["IntakeDone"], number), replyToId, [(strings["BackToQuestions"], strings["BackToQuestions"])]), cancellationToken);
    }

    private async Task PromptAsync(Conversation conversation, string text, IntakeState state, string replyToId, CancellationToken cancellationToken)
    {
        IEnumerable<(string, string)> actions = state.Step == AskConfirm
            ? [(strings["Yes"], strings["Yes"]), (strings["IntakeFix"], strings["IntakeFix"]), (strings["IntakeCancel"], strings["IntakeCancel"])]
            : [(strings["IntakeCancel"], strings["IntakeCancel"])];
        var state2 = new JsonObject { ["step"] = state.Step, ["email"] = state.Email, ["text"] = state.Text };
        await writer.SendAsync(conversation, BotActivities.WithChannelData(BotActivities.Message(text, replyToId, actions), Key, state2), cancellationToken);
    }

    // The state on the latest outbound message before the citizen's activity `sequence`; null when that message is not
    // an intake prompt.
    private static IntakeState? Current(IReadOnlyList<TranscriptActivity> recent, long sequence)
    {
        var last = recent.LastOrDefault(a => a.Direction == ActivityDirection.Outbound && a.Sequence < sequence && string.Equals(a.Type, "message", StringComparison.Ordinal));
        // PERF: a substring test first; only an intake prompt is parsed.
        if (last is null || !last.ActivityJson.Contains(Key, StringComparison.Ordinal) || (TranscriptText.Parse(last)?["channelData"] as JsonObject)?[Key] is not JsonObject state)
        {
            return null;
        }

        return state["step"] is JsonValue step && step.TryGetValue<string>(out var name) && name is AskEmail or AskText or AskConfirm
            ? new IntakeState(name, Read(state["email"]), Read(state["text"]))
            : null;

        static string? Read(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;
    }

    private sealed record IntakeState(string Step, string? Email, string? Text);

    private static partial class Log
    {
        [LoggerMessage(EventId = 3500, Level = LogLevel.Information, Message = "Chat intake made case {CaseNumber} for conversation {ConversationId}")]
        public static partial void CaseCreated(ILogger logger, Guid conversationId, string caseNumber);

        [LoggerMessage(EventId = 3501, Level = LogLevel.Warning, Message = "Chat intake could not make a case for conversation {ConversationId}")]
        public static partial void IntakeFailed(ILogger logger, Guid conversationId);
    }
}
