using System.Globalization;
using ConversationHub.Bot.Resources;
using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Conversations.Services;
using ConversationHub.Core.Handoff;
using ConversationHub.Core.Programs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace ConversationHub.Bot.Engine;

/// <summary>
/// Citizens book appointments of a program (予約) with the bot, on web chat and LINE: in a program's conversation whose
/// program takes reservations, 「予約する」 (a greeting button, or 予約したい typed) offers the next free days, then the
/// day's times, asks the name, the phone and how to receive the notices, reads everything back (はい / 修正する / やめる)
/// and books through core's <see cref="IReservationSystem"/>; the number, time, place and 持ち物 are shown in the chat.
/// 「予約の変更・取り消し」 is <see cref="ProgramBookingChange"/>'s. 「やめる」 ends the dialogue at any step.
/// </summary>
/// <remarks>
/// The reservation system is the handoff module's built-in book or a city's own; a platform with neither offers no
/// booking (the system is resolved only when a program's conversation asks, so other turns pay nothing for it). The
/// dialogue's state lives on the bot's prompts (<see cref="BookingState"/>). A booking is made once per citizen turn: the
/// turn is the request key, so a turn retried after a crash answers with the reservation it made.
/// </remarks>
internal sealed partial class ProgramBooking(
    IConversationStore store,
    IProgramDirectory programs,
    IServiceProvider services,
    BookingPrompts prompts,
    ProgramBookingChange change,
    ILogger<ProgramBooking> logger)
{
    private const int Lookback = 20;
    private const int MaxName = 100;

    private IStringLocalizer<ProgramBookingStrings> Strings => prompts.Strings;

    /// <summary>The greeting's buttons for <paramref name="program"/>: 「予約する」 and 「予約の変更・取り消し」 when it takes reservations.</summary>
    public async Task<IReadOnlyList<(string Title, string Value)>> OffersAsync(Conversation conversation, ProgramEntry program, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(program);
        UseLanguageOf(conversation);
        if (!program.InService || services.GetService<IReservationSystem>() is not { } system
            || (await system.NextFreeDaysAsync(program.Code, 1, cancellationToken)).Count == 0)
        {
            return [];
        }

        return [(Strings["Book"], Strings["Book"]), (Strings["Manage"], Strings["Manage"])];
    }

    /// <summary>
    /// Answers <paramref name="text"/> when it starts a booking dialogue or belongs to the one in progress; false when it
    /// is none of the dialogue's business (the bot answers it as usual).
    /// </summary>
    public async Task<bool> TryAnswerAsync(Conversation conversation, string text, long sequence, string replyToId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);

        // PERF: only a program's conversation books, so the others skip the transcript read.
        if (conversation.ProgramId is not { } programId)
        {
            return false;
        }

        UseLanguageOf(conversation);
        var recent = await store.ReadAsync(conversation.Id, Math.Max(0, conversation.LastSequence - Lookback), Lookback + 1, cancellationToken);
        if (BookingState.Current(recent, sequence) is { } state)
        {
            await ContinueAsync(conversation, state, text, sequence, replyToId, cancellationToken);
            return true;
        }

        var mode = StartMode(text);
        if (mode is null || await programs.FindAsync(programId, cancellationToken) is not { InService: true } program
            || services.GetService<IReservationSystem>() is not { } system)
        {
            return false;
        }

        var start = new BookingState { Mode = mode, Step = BookingSteps.Day, Program = program.Code };
        if (mode == BookingState.ChangeMode)
        {
            await prompts.AskAsync(conversation, Strings["AskNumber"], start with { Step = BookingSteps.Number }, [], replyToId, cancellationToken);
            return true;
        }

        if ((await system.NextFreeDaysAsync(program.Code, 1, cancellationToken)).Count == 0)
        {
            // The button said it could book; typed words are left to the FAQ (the program may take no reservations).
            if (!string.Equals(text, Strings["Book"], StringComparison.Ordinal))
            {
                return false;
            }

            await prompts.EndAsync(conversation, Strings["NoFreeDays"], replyToId, cancellationToken);
            return true;
        }

        await prompts.AskDayAsync(conversation, system, start, null, replyToId, cancellationToken);
        return true;
    }

    private async Task ContinueAsync(Conversation conversation, BookingState state, string text, long sequence, string replyToId, CancellationToken cancellationToken)
    {
        if (prompts.Is(text, "Stop"))
        {
            await prompts.EndAsync(conversation, Strings["Stopped"], replyToId, cancellationToken);
            return;
        }

        if (services.GetService<IReservationSystem>() is not { } system)
        {
            await prompts.EndAsync(conversation, Strings["NoFreeDays"], replyToId, cancellationToken);
            return;
        }

        if (state.Mode == BookingState.ChangeMode)
        {
            await change.ContinueAsync(conversation, system, state, text, replyToId, cancellationToken);
            return;
        }

        switch (state.Step)
        {
            case BookingSteps.Day:
                await prompts.AnswerDayAsync(conversation, system, state, text, replyToId, cancellationToken);
                return;
            case BookingSteps.Time:
                if (await prompts.AnswerTimeAsync(conversation, system, state, text, replyToId, cancellationToken) is { } chosen)
                {
                    // After a full slot the citizen chose a new time only: straight to the read-back.
                    await (chosen.HasCitizen
                        ? AskConfirmAsync(conversation, chosen, null, replyToId, cancellationToken)
                        : prompts.AskAsync(conversation, Strings["AskName", chosen.When!, chosen.Place!], chosen with { Step = BookingSteps.Name }, [], replyToId, cancellationToken));
                }

                return;
            case BookingSteps.Name:
                var name = text.Normalize(System.Text.NormalizationForm.FormKC).Trim();
                await (name.Length is > 0 and <= MaxName
                    ? prompts.AskAsync(conversation, Strings["AskPhone"], state with { Step = BookingSteps.Phone, Name = name }, [], replyToId, cancellationToken)
                    : prompts.AskAsync(conversation, Strings["BadName", MaxName], state, [], replyToId, cancellationToken));
                return;
            case BookingSteps.Phone:
                await (BookingText.Phone(text) is { } phone
                    ? AskContactAsync(conversation, state with { Phone = phone }, null, replyToId, cancellationToken)
                    : prompts.AskAsync(conversation, Strings["BadPhone"], state, [], replyToId, cancellationToken));
                return;
            case BookingSteps.Contact:
                await AnswerContactAsync(conversation, state, text, replyToId, cancellationToken);
                return;
            case BookingSteps.Email:
                var email = text.Normalize(System.Text.NormalizationForm.FormKC).Trim();
                await (CitizenMailAddress.IsValid(email)
                    ? AskConfirmAsync(conversation, state with { Contact = ReservationContactChannel.Email, Address = email }, null, replyToId, cancellationToken)
                    : prompts.AskAsync(conversation, Strings["BadEmail"], state, [], replyToId, cancellationToken));
                return;
            case BookingSteps.Confirm when prompts.Is(text, "Yes"):
                await BookAsync(conversation, system, state, sequence, replyToId, cancellationToken);
                return;
            case BookingSteps.Confirm when prompts.Is(text, "Fix"):
                await prompts.AskDayAsync(conversation, system, new BookingState { Mode = state.Mode, Step = BookingSteps.Day, Program = state.Program }, null, replyToId, cancellationToken);
                return;
            case BookingSteps.Confirm:
                await AskConfirmAsync(conversation, state, Strings["ConfirmChoose"], replyToId, cancellationToken);
                return;
            default:
                await prompts.EndAsync(conversation, Strings["Stopped"], replyToId, cancellationToken);
                return;
        }
    }

    // LINE notices go to the citizen's own LINE account (the conversation's citizen key is the LINE user id); on the web
    // chat, e-mail, SMS to a mobile where the SMS sender is configured, or nothing.
    private async Task AskContactAsync(Conversation conversation, BookingState state, string? lead, string replyToId, CancellationToken cancellationToken)
    {
        var choices = new Dictionary<string, string>(StringComparer.Ordinal);
        if (conversation.Channel == ConversationChannel.Line)
        {
            if (CanNotify(ReservationContactChannel.Line))
            {
                choices[Strings["ContactLine"]] = nameof(ReservationContactChannel.Line);
            }
        }
        else
        {
            choices[Strings["ContactEmail"]] = nameof(ReservationContactChannel.Email);
            if (BookingText.IsMobile(state.Phone!) && CanNotify(ReservationContactChannel.Sms))
            {
                choices[Strings["ContactSms"]] = nameof(ReservationContactChannel.Sms);
            }
        }

        choices[Strings["ContactNone"]] = nameof(ReservationContactChannel.None);
        var text = string.IsNullOrEmpty(lead) ? Strings["AskContact"].Value : lead + "\n\n" + Strings["AskContact"];
        await prompts.AskAsync(conversation, text, state with { Step = BookingSteps.Contact, Choices = choices }, choices.Keys.Select(k => (k, k)), replyToId, cancellationToken);
    }

    private async Task AnswerContactAsync(Conversation conversation, BookingState state, string text, string replyToId, CancellationToken cancellationToken)
    {
        var chosen = state.Choice(text) is { } name && Enum.TryParse<ReservationContactChannel>(name, out var channel) ? channel : (ReservationContactChannel?)null;
        var next = state with { Choices = null, Contact = chosen };
        switch (chosen)
        {
            case ReservationContactChannel.Email:
                await prompts.AskAsync(conversation, Strings["AskEmail"], next with { Step = BookingSteps.Email, Contact = null }, [], replyToId, cancellationToken);
                return;
            case ReservationContactChannel.Line:
                await AskConfirmAsync(conversation, next with { Address = conversation.CitizenKey }, null, replyToId, cancellationToken);
                return;
            case ReservationContactChannel.Sms:
                await AskConfirmAsync(conversation, next with { Address = state.Phone }, null, replyToId, cancellationToken);
                return;
            case ReservationContactChannel.None:
                await AskConfirmAsync(conversation, next with { Address = null }, null, replyToId, cancellationToken);
                return;
            default:
                await AskContactAsync(conversation, state, Strings["AskContactAgain"], replyToId, cancellationToken);
                return;
        }
    }

    private async Task AskConfirmAsync(Conversation conversation, BookingState state, string? lead, string replyToId, CancellationToken cancellationToken)
    {
        var contact = state.Contact switch
        {
            ReservationContactChannel.Email => Strings["ContactLabel_Email", state.Address!].Value,
            ReservationContactChannel.Sms => Strings["ContactLabel_Sms", BookingText.Grouped(state.Address!)].Value,
            ReservationContactChannel.Line => Strings["ContactLabel_Line"].Value,
            _ => Strings["ContactLabel_None"].Value,
        };
        var text = Strings["Confirm", state.When!, state.Place!, state.Name!, BookingText.Grouped(state.Phone!), contact].Value;
        string[] actions = [Strings["Yes"], Strings["Fix"]];
        await prompts.AskAsync(conversation, string.IsNullOrEmpty(lead) ? text : lead + "\n\n" + text, state with { Step = BookingSteps.Confirm, Choices = null }, actions.Select(a => (a, a)), replyToId, cancellationToken);
    }

    private async Task BookAsync(Conversation conversation, IReservationSystem system, BookingState state, long sequence, string replyToId, CancellationToken cancellationToken)
    {
        var contact = new ReservationContact(state.Contact ?? ReservationContactChannel.None, state.Address);
        var key = string.Create(CultureInfo.InvariantCulture, $"bot:{conversation.Id:N}:{sequence}");
        var request = new ReservationRequest(state.Program, state.SlotId!, state.Name!, state.Phone!, contact, Actor(conversation), key);
        var result = await system.BookAsync(request, cancellationToken);
        if (result is { Succeeded: true, Reservation: { } view })
        {
            Log.Booked(logger, conversation.Id, view.Number);
            var done = Strings["Booked", view.Number, prompts.When(view), view.Place, view.PlaceAddress, view.WhatToBring] + "\n\n" + Strings["Notice_" + contact.Channel];
            await prompts.EndAsync(conversation, done, replyToId, cancellationToken);
            return;
        }

        Log.NotBooked(logger, conversation.Id, result.Error);
        if (result.Error is ReservationError.Full or ReservationError.SlotUnavailable)
        {
            // The time filled (or passed) while the citizen read back: the day's other times, or other days.
            var day = DateOnly.ParseExact(state.Day!, "O", CultureInfo.InvariantCulture);
            await prompts.AskTimeAsync(conversation, system, state with { SlotId = null }, day, result.Message, replyToId, cancellationToken);
            return;
        }

        await prompts.EndAsync(conversation, result.Message ?? Strings["NoFreeDays"], replyToId, cancellationToken);
    }

    /// <summary>The bot as the reservation's actor, on the conversation's channel.</summary>
    public static ReservationActor Actor(Conversation conversation)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        return new(conversation.Channel == ConversationChannel.Line ? "bot:line" : "bot:webchat", conversation.Id);
    }

    // The dialogue speaks the conversation's language (Japanese, the resources' neutral culture, unless the citizen chose
    // another), never the server's own locale. Set inside this async method, it reverts when the method returns.
    private static void UseLanguageOf(Conversation conversation) => BotLanguage.Apply(conversation.Language);

    private bool CanNotify(ReservationContactChannel channel) =>
        services.GetServices<ICitizenNoticeSender>().Any(s => s.Channel == channel && s.IsAvailable);

    // 予約する / 予約したい… start a booking; 予約の変更・取り消し and its typed forms a change. Other text is not ours.
    private string? StartMode(string text)
    {
        var folded = BookingText.Fold(text).TrimEnd('。', '!', '?', '.');
        if (string.Equals(folded, BookingText.Fold(Strings["Manage"]), StringComparison.OrdinalIgnoreCase)
            || Strings["ManageWords"].Value.Split('|').Any(w => folded.Contains(BookingText.Fold(w), StringComparison.OrdinalIgnoreCase) && folded.Length <= 30))
        {
            return BookingState.ChangeMode;
        }

        return Strings["StartWords"].Value.Split('|').Append(Strings["Book"]).Any(w => string.Equals(folded, BookingText.Fold(w), StringComparison.OrdinalIgnoreCase))
            ? BookingState.BookMode
            : null;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3600, Level = LogLevel.Information, Message = "The bot booked reservation {Number} for conversation {ConversationId}")]
        public static partial void Booked(ILogger logger, Guid conversationId, string number);

        [LoggerMessage(EventId = 3601, Level = LogLevel.Information, Message = "The bot's booking for conversation {ConversationId} failed: {Error}")]
        public static partial void NotBooked(ILogger logger, Guid conversationId, ReservationError? error);
    }
}
