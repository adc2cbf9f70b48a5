using System.Globalization;
using ConversationHub.Bot.Resources;
using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Programs;
using ConversationHub.Faq.Site;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConversationHub.Bot.Engine;

/// <summary>
/// 「予約の変更・取り消し」 in the booking dialogue (<see cref="ProgramBooking"/>): the reservation number, the phone it was
/// booked with, the reservation shown; then a new day and time, a read-back and the change, or 「取り消す」 and the
/// cancellation (its place is given back). A wrong number or phone gets the system's message and the number is asked
/// again, up to <see cref="MaxAttempts"/> times; then the bot stops and gives the contact center's phone number.
/// </summary>
internal sealed partial class ProgramBookingChange(BookingPrompts prompts, IOptionsMonitor<FaqSiteOptions> site, ILogger<ProgramBookingChange> logger)
{
    /// <summary>Wrong number/phone pairs allowed before the bot stops asking.</summary>
    public const int MaxAttempts = 3;

    private IStringLocalizer<ProgramBookingStrings> Strings => prompts.Strings;

    /// <summary>Answers the change dialogue's current question (<paramref name="state"/>).</summary>
    public async Task ContinueAsync(Conversation conversation, IReservationSystem system, BookingState state, string text, string replyToId, CancellationToken cancellationToken)
    {
        switch (state.Step)
        {
            case BookingSteps.Number:
                await (BookingText.Number(text) is { } number
                    ? prompts.AskAsync(conversation, Strings["AskVerifyPhone"], state with { Step = BookingSteps.Verify, Number = number }, [], replyToId, cancellationToken)
                    : prompts.AskAsync(conversation, Strings["BadNumber"], state, [], replyToId, cancellationToken));
                return;
            case BookingSteps.Verify:
                await VerifyAsync(conversation, system, state, text, replyToId, cancellationToken);
                return;
            case BookingSteps.Manage when prompts.Is(text, "ChangeTime"):
                await prompts.AskDayAsync(conversation, system, state with { Skip = 0 }, null, replyToId, cancellationToken);
                return;
            case BookingSteps.Manage when prompts.Is(text, "CancelReservation"):
                string[] confirm = [Strings["CancelIt"]];
                await prompts.AskAsync(conversation, Strings["ConfirmCancel", state.Number!, state.Previous!], state with { Step = BookingSteps.ConfirmCancel }, confirm.Select(c => (c, c)), replyToId, cancellationToken);
                return;
            case BookingSteps.Manage:
                await AskManageAsync(conversation, state, Strings["ManageChoose"], replyToId, cancellationToken);
                return;
            case BookingSteps.Day:
                await prompts.AnswerDayAsync(conversation, system, state, text, replyToId, cancellationToken);
                return;
            case BookingSteps.Time:
                if (await prompts.AnswerTimeAsync(conversation, system, state, text, replyToId, cancellationToken) is { } chosen)
                {
                    await AskConfirmChangeAsync(conversation, chosen, null, replyToId, cancellationToken);
                }

                return;
            case BookingSteps.ConfirmChange when prompts.Is(text, "Yes"):
                await ChangeAsync(conversation, system, state, replyToId, cancellationToken);
                return;
            case BookingSteps.ConfirmChange when prompts.Is(text, "Fix"):
                await prompts.AskDayAsync(conversation, system, state with { Skip = 0 }, null, replyToId, cancellationToken);
                return;
            case BookingSteps.ConfirmChange:
                await AskConfirmChangeAsync(conversation, state, Strings["ConfirmChoose"], replyToId, cancellationToken);
                return;
            case BookingSteps.ConfirmCancel when prompts.Is(text, "CancelIt"):
                await CancelAsync(conversation, system, state, replyToId, cancellationToken);
                return;
            case BookingSteps.ConfirmCancel:
                string[] again = [Strings["CancelIt"]];
                var text2 = Strings["CancelChoose"] + "\n\n" + Strings["ConfirmCancel", state.Number!, state.Previous!];
                await prompts.AskAsync(conversation, text2, state, again.Select(c => (c, c)), replyToId, cancellationToken);
                return;
            default:
                await prompts.EndAsync(conversation, Strings["Stopped"], replyToId, cancellationToken);
                return;
        }
    }

    private async Task VerifyAsync(Conversation conversation, IReservationSystem system, BookingState state, string text, string replyToId, CancellationToken cancellationToken)
    {
        if (BookingText.Phone(text) is not { } phone)
        {
            await prompts.AskAsync(conversation, Strings["BadPhone"], state, [], replyToId, cancellationToken);
            return;
        }

        var found = await system.FindAsync(state.Program, state.Number!, phone, cancellationToken);
        if (found is { Succeeded: true, Reservation: { } view })
        {
            if (view.Status == ReservationStatus.Cancelled)
            {
                await prompts.EndAsync(conversation, Strings["AlreadyCancelled", view.Number], replyToId, cancellationToken);
                return;
            }

            var shown = state with { Phone = phone, Number = view.Number, Previous = prompts.When(view), Place = view.Place, Attempts = 0 };
            var text2 = Strings["Found", view.Number, prompts.When(view), view.Place, view.PlaceAddress].Value;
            await AskManageAsync(conversation, shown, text2, replyToId, cancellationToken);
            return;
        }

        var attempts = state.Attempts + 1;
        Log.NotFound(logger, conversation.Id, attempts);
        if (found.Error != ReservationError.NotFound || attempts >= MaxAttempts)
        {
            var stop = found.Error == ReservationError.NotFound ? Strings["TooManyAttempts", site.CurrentValue.ContactPhone].Value : found.Message ?? "";
            await prompts.EndAsync(conversation, stop, replyToId, cancellationToken);
            return;
        }

        var again = state with { Step = BookingSteps.Number, Number = null, Attempts = attempts };
        await prompts.AskAsync(conversation, Strings["NotFoundRetry", found.Message ?? ""], again, [], replyToId, cancellationToken);
    }

    private Task AskManageAsync(Conversation conversation, BookingState state, string text, string replyToId, CancellationToken cancellationToken)
    {
        string[] actions = [Strings["ChangeTime"], Strings["CancelReservation"]];
        return prompts.AskAsync(conversation, text, state with { Step = BookingSteps.Manage, Choices = null }, actions.Select(a => (a, a)), replyToId, cancellationToken);
    }

    private Task AskConfirmChangeAsync(Conversation conversation, BookingState state, string? lead, string replyToId, CancellationToken cancellationToken)
    {
        var text = Strings["ConfirmChange", state.Number!, state.Previous!, state.When!, state.Place!].Value;
        string[] actions = [Strings["Yes"], Strings["Fix"]];
        return prompts.AskAsync(conversation, string.IsNullOrEmpty(lead) ? text : lead + "\n\n" + text, state with { Step = BookingSteps.ConfirmChange }, actions.Select(a => (a, a)), replyToId, cancellationToken);
    }

    private async Task ChangeAsync(Conversation conversation, IReservationSystem system, BookingState state, string replyToId, CancellationToken cancellationToken)
    {
        var result = await system.ChangeAsync(state.Program, state.Number!, state.Phone!, state.SlotId!, ProgramBooking.Actor(conversation), cancellationToken);
        if (result is { Succeeded: true, Reservation: { } view })
        {
            Log.Changed(logger, conversation.Id, view.Number);
            await prompts.EndAsync(conversation, Strings["Changed", view.Number, prompts.When(view), view.Place, view.PlaceAddress, view.WhatToBring], replyToId, cancellationToken);
            return;
        }

        if (result.Error is ReservationError.Full or ReservationError.SlotUnavailable)
        {
            var day = DateOnly.ParseExact(state.Day!, "O", CultureInfo.InvariantCulture);
            await prompts.AskTimeAsync(conversation, system, state with { SlotId = null }, day, result.Message, replyToId, cancellationToken);
            return;
        }

        await prompts.EndAsync(conversation, result.Message ?? Strings["Stopped"], replyToId, cancellationToken);
    }

    private async Task CancelAsync(Conversation conversation, IReservationSystem system, BookingState state, string replyToId, CancellationToken cancellationToken)
    {
        var result = await system.CancelAsync(state.Program, state.Number!, state.Phone!, ProgramBooking.Actor(conversation), cancellationToken);
        if (result.Succeeded)
        {
            Log.Cancelled(logger, conversation.Id, state.Number!);
        }

        await prompts.EndAsync(conversation, result.Succeeded ? Strings["Cancelled", state.Number!, state.Previous!] : result.Message ?? Strings["Stopped"], replyToId, cancellationToken);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3602, Level = LogLevel.Information, Message = "The bot changed reservation {Number} for conversation {ConversationId}")]
        public static partial void Changed(ILogger logger, Guid conversationId, string number);

        [LoggerMessage(EventId = 3603, Level = LogLevel.Information, Message = "The bot cancelled reservation {Number} for conversation {ConversationId}")]
        public static partial void Cancelled(ILogger logger, Guid conversationId, string number);

        [LoggerMessage(EventId = 3604, Level = LogLevel.Information, Message = "A reservation asked for in conversation {ConversationId} was not found (attempt {Attempt})")]
        public static partial void NotFound(ILogger logger, Guid conversationId, int attempt);
    }
}
