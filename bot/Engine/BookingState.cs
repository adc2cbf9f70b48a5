using System.Text.Json;
using System.Text.Json.Nodes;
using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Programs;

namespace ConversationHub.Bot.Engine;

/// <summary>
/// Where a citizen's booking dialogue (<see cref="ProgramBooking"/>) stands and what they gave so far. It lives on the
/// bot's latest prompt, in its channelData under <see cref="Key"/>, as <see cref="ChatIntake"/>'s state does: the
/// transcript is encrypted at rest (name and phone are personal data) and read by whichever node takes the next turn.
/// </summary>
internal sealed record BookingState
{
    /// <summary>The channelData key of the state on the bot's prompts.</summary>
    public const string Key = "hub:booking";

    public const string BookMode = "book";
    public const string ChangeMode = "change";

    /// <summary><see cref="BookMode"/> or <see cref="ChangeMode"/> (change or cancel an existing reservation).</summary>
    public required string Mode { get; init; }

    /// <summary>The question the prompt asked (<see cref="BookingSteps"/>).</summary>
    public required string Step { get; init; }

    /// <summary>The program's code.</summary>
    public required string Program { get; init; }

    /// <summary>How many free days earlier pages showed (「もっと後の日」).</summary>
    public int Skip { get; init; }

    /// <summary>How many free times of the chosen day earlier pages showed (「もっと後の時間」).</summary>
    public int TimeSkip { get; init; }

    /// <summary>The chosen day (ISO date).</summary>
    public string? Day { get; init; }

    public string? SlotId { get; init; }

    /// <summary>The chosen time as the read-back says it (「12月9日(水) 09:00～10:00」).</summary>
    public string? When { get; init; }

    public string? Place { get; init; }

    public string? Name { get; init; }

    /// <summary>The phone's digits.</summary>
    public string? Phone { get; init; }

    public ReservationContactChannel? Contact { get; init; }

    public string? Address { get; init; }

    /// <summary>The reservation number being changed or cancelled.</summary>
    public string? Number { get; init; }

    /// <summary>The reservation's time before a change, for the read-back.</summary>
    public string? Previous { get; init; }

    /// <summary>Wrong number/phone pairs so far.</summary>
    public int Attempts { get; init; }

    /// <summary>The prompt's buttons: what each sends → the day (ISO) or slot it stands for.</summary>
    public Dictionary<string, string>? Choices { get; init; }

    /// <summary>Whether name, phone and how to notify are given (a booking whose time filled up asks only the time again).</summary>
    public bool HasCitizen => Name is not null && Phone is not null && Contact is not null;

    /// <summary>The state as channelData.</summary>
    public JsonNode ToJson() => JsonSerializer.SerializeToNode(this, BookingStateJson.Default.BookingState)!;

    /// <summary>What a button of the prompt stands for when <paramref name="text"/> is one of them (width and spaces ignored).</summary>
    public string? Choice(string text)
    {
        if (Choices is null)
        {
            return null;
        }

        if (Choices.TryGetValue(text, out var exact))
        {
            return exact;
        }

        var typed = BookingText.Fold(text);
        return Choices.FirstOrDefault(c => string.Equals(BookingText.Fold(c.Key), typed, StringComparison.Ordinal)).Value;
    }

    /// <summary>
    /// The state on the bot's latest message before the citizen's activity <paramref name="sequence"/>; null when that
    /// message is not a booking prompt (anything said since, by an agent or another answer, ends the dialogue).
    /// </summary>
    public static BookingState? Current(IReadOnlyList<TranscriptActivity> recent, long sequence)
    {
        ArgumentNullException.ThrowIfNull(recent);
        var last = recent.LastOrDefault(a => a.Direction == ActivityDirection.Outbound && a.Sequence < sequence && string.Equals(a.Type, "message", StringComparison.Ordinal));

        // PERF: a substring test first; only a booking prompt is parsed.
        if (last is null || !last.ActivityJson.Contains(Key, StringComparison.Ordinal) || (TranscriptText.Parse(last)?["channelData"] as JsonObject)?[Key] is not JsonObject state)
        {
            return null;
        }

        try
        {
            return state.Deserialize(BookingStateJson.Default.BookingState);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
