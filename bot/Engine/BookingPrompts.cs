using System.Globalization;
using ConversationHub.Bot.Resources;
using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Programs;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Bot.Engine;

/// <summary>
/// The booking dialogue's messages: a prompt carries the dialogue's state and its buttons (always with 「やめる」); the
/// last message of a dialogue carries no state, which ends it. The days and times prompts are shared by booking and
/// changing. Every text comes from <see cref="ProgramBookingStrings"/>, in the conversation's UI culture.
/// </summary>
internal sealed class BookingPrompts(BotActivityWriter writer, IStringLocalizer<ProgramBookingStrings> strings, IStringLocalizer<BotStrings> botStrings)
{
    /// <summary>Days per page: with 「もっと後の日」, 「やめる」 and room to spare, within LINE's 13 quick replies.</summary>
    public const int DaysPerPage = 6;

    /// <summary>Times per page: with 「もっと後の時間」, 「ほかの日を選ぶ」 and 「やめる」, LINE's 13 quick replies.</summary>
    public const int MaxTimes = 10;

    private const string MoreDaysValue = "more";
    private const string MoreTimesValue = "more-times";

    public IStringLocalizer<ProgramBookingStrings> Strings => strings;

    /// <summary>Asks the next question of the dialogue.</summary>
    public Task AskAsync(Conversation conversation, string text, BookingState state, IEnumerable<(string Title, string Value)> actions, string replyToId, CancellationToken cancellationToken)
    {
        var stop = strings["Stop"].Value;
        var message = BotActivities.Message(text, replyToId, [.. actions, (stop, stop)]);
        return writer.SendAsync(conversation, BotActivities.WithChannelData(message, BookingState.Key, state.ToJson()), cancellationToken);
    }

    /// <summary>Ends the dialogue with <paramref name="text"/> and the way back to questions.</summary>
    public Task EndAsync(Conversation conversation, string text, string replyToId, CancellationToken cancellationToken)
    {
        var back = botStrings["BackToQuestions"].Value;
        return writer.SendAsync(conversation, BotActivities.Message(text, replyToId, [(back, back)]), cancellationToken);
    }

    /// <summary>Offers the next free days from <see cref="BookingState.Skip"/> on (from the first again when none are left).</summary>
    public async Task AskDayAsync(Conversation conversation, IReservationSystem system, BookingState state, string? lead, string replyToId, CancellationToken cancellationToken)
    {
        var days = await system.NextFreeDaysAsync(state.Program, state.Skip + DaysPerPage + 1, cancellationToken);
        if (days.Count <= state.Skip && state.Skip > 0)
        {
            state = state with { Skip = 0 };
        }

        var page = days.Skip(state.Skip).Take(DaysPerPage).ToList();
        if (page.Count == 0)
        {
            await EndAsync(conversation, Lead(lead, strings["NoFreeDays"]), replyToId, cancellationToken);
            return;
        }

        var choices = page.ToDictionary(d => strings["DayButton", DayLabel(d.Day), d.FreePlaces].Value, d => d.Day.ToString("O", CultureInfo.InvariantCulture), StringComparer.Ordinal);
        if (days.Count > state.Skip + DaysPerPage)
        {
            choices[strings["MoreDays"]] = MoreDaysValue;
        }

        var asked = state with { Step = BookingSteps.Day, Choices = choices, Day = null, SlotId = null };
        await AskAsync(conversation, Lead(lead, strings["AskDay"]), asked, choices.Keys.Select(k => (k, k)), replyToId, cancellationToken);
    }

    /// <summary>Answers the days prompt: the next page, the day's times, or the days again for anything else.</summary>
    public async Task AnswerDayAsync(Conversation conversation, IReservationSystem system, BookingState state, string text, string replyToId, CancellationToken cancellationToken)
    {
        switch (state.Choice(text))
        {
            case MoreDaysValue:
                await AskDayAsync(conversation, system, state with { Skip = state.Skip + DaysPerPage }, null, replyToId, cancellationToken);
                return;
            case { } iso when DateOnly.TryParseExact(iso, "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day):
                await AskTimeAsync(conversation, system, state with { Day = iso, TimeSkip = 0 }, day, null, replyToId, cancellationToken);
                return;
            default:
                await AskDayAsync(conversation, system, state, strings["AskDayAgain"], replyToId, cancellationToken);
                return;
        }
    }

    /// <summary>
    /// Offers the free times of <paramref name="day"/> from <see cref="BookingState.TimeSkip"/> on (from the first again
    /// when none are left there); the days again when the day has none left.
    /// </summary>
    public async Task AskTimeAsync(Conversation conversation, IReservationSystem system, BookingState state, DateOnly day, string? lead, string replyToId, CancellationToken cancellationToken)
    {
        var times = await system.FreeTimesAsync(state.Program, day, cancellationToken);
        if (times.Count == 0)
        {
            await AskDayAsync(conversation, system, state with { Skip = 0 }, Lead(lead, strings["DayFull", DayLabel(day)]), replyToId, cancellationToken);
            return;
        }

        if (times.Count <= state.TimeSkip)
        {
            state = state with { TimeSkip = 0 };
        }

        var choices = times.Skip(state.TimeSkip).Take(MaxTimes).ToDictionary(t => strings["TimeButton", Clock(t.Starts), t.Place, t.FreePlaces].Value, t => t.SlotId, StringComparer.Ordinal);
        if (times.Count > state.TimeSkip + MaxTimes)
        {
            choices[strings["MoreTimes"]] = MoreTimesValue;
        }

        var other = strings["OtherDays"].Value;
        var asked = state with { Step = BookingSteps.Time, Day = day.ToString("O", CultureInfo.InvariantCulture), Choices = choices };
        await AskAsync(conversation, Lead(lead, strings["AskTime", DayLabel(day)]), asked, [.. choices.Keys.Select(k => (k, k)), (other, other)], replyToId, cancellationToken);
    }

    /// <summary>
    /// Answers the times prompt: the chosen time when it is still free (its state filled in), otherwise null after asking
    /// again (the days for 「ほかの日を選ぶ」, the times for anything else or a time taken meanwhile).
    /// </summary>
    public async Task<BookingState?> AnswerTimeAsync(Conversation conversation, IReservationSystem system, BookingState state, string text, string replyToId, CancellationToken cancellationToken)
    {
        var day = DateOnly.ParseExact(state.Day!, "O", CultureInfo.InvariantCulture);
        if (Is(text, "OtherDays"))
        {
            await AskDayAsync(conversation, system, state with { Skip = 0 }, null, replyToId, cancellationToken);
            return null;
        }

        if (state.Choice(text) is MoreTimesValue)
        {
            await AskTimeAsync(conversation, system, state with { TimeSkip = state.TimeSkip + MaxTimes }, day, null, replyToId, cancellationToken);
            return null;
        }

        if (state.Choice(text) is not { } slotId)
        {
            await AskTimeAsync(conversation, system, state, day, strings["AskTimeAgain"], replyToId, cancellationToken);
            return null;
        }

        // Read again: the place may have gone while the citizen chose.
        var times = await system.FreeTimesAsync(state.Program, day, cancellationToken);
        if (times.FirstOrDefault(t => string.Equals(t.SlotId, slotId, StringComparison.Ordinal)) is not { } time)
        {
            await AskTimeAsync(conversation, system, state, day, strings["TimeTaken"], replyToId, cancellationToken);
            return null;
        }

        return state with { SlotId = time.SlotId, When = When(time.Day, time.Starts, time.Ends), Place = time.Place, Choices = null };
    }

    /// <summary>Whether <paramref name="text"/> is the text of <paramref name="key"/> (a button, or typed: width, spaces and case ignored).</summary>
    public bool Is(string text, string key) => string.Equals(BookingText.Fold(text), BookingText.Fold(strings[key]), StringComparison.OrdinalIgnoreCase);

    /// <summary>「12月9日(水)」.</summary>
    public string DayLabel(DateOnly day) => strings["DayLabel", day.Month, day.Day, strings["Weekday" + (int)day.DayOfWeek]];

    /// <summary>「12月9日(水) 09:00～10:00」.</summary>
    public string When(DateOnly day, TimeOnly starts, TimeOnly ends) => strings["When", DayLabel(day), Clock(starts), Clock(ends)];

    /// <summary>The reservation's time, as <see cref="When(DateOnly, TimeOnly, TimeOnly)"/>.</summary>
    public string When(ReservationView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return When(view.Day, view.Starts, view.Ends);
    }

    private static string Clock(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static string Lead(string? lead, string text) => string.IsNullOrEmpty(lead) ? text : lead + "\n\n" + text;
}
