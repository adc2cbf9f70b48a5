namespace ConversationHub.Core.Programs;

/// <summary>A bookable day and how many places are still free on it.</summary>
public sealed record ReservationDay(DateOnly Day, int FreePlaces);

/// <summary>A free time on a day.</summary>
/// <param name="SlotId">The system's key of the slot (opaque: an external system may use its own).</param>
/// <param name="Day">The Japan date.</param>
/// <param name="Starts">Start, Japan time.</param>
/// <param name="Ends">End, Japan time.</param>
/// <param name="Place">Where (the place's name).</param>
/// <param name="FreePlaces">Places still free.</param>
public sealed record ReservationTime(string SlotId, DateOnly Day, TimeOnly Starts, TimeOnly Ends, string Place, int FreePlaces);

/// <summary>How the citizen wants to hear about the reservation (number, 持ち物, the reminder).</summary>
public enum ReservationContactChannel
{
    /// <summary>No notice: the number is told on the spot.</summary>
    None,

    /// <summary>A LINE push to the citizen's LINE user id.</summary>
    Line,

    /// <summary>An e-mail.</summary>
    Email,

    /// <summary>An SMS to a mobile number.</summary>
    Sms,
}

/// <summary>Where notices go: the channel and its address (LINE user id, e-mail address or mobile number). Personal data.</summary>
public sealed record ReservationContact(ReservationContactChannel Channel, string? Address)
{
    /// <summary>No notice.</summary>
    public static ReservationContact None { get; } = new(ReservationContactChannel.None, null);
}

/// <summary>Who made a change: a staff member (<c>staff:&lt;user name&gt;</c>) or the bot for a citizen (<c>bot:line</c>).</summary>
/// <param name="Name">Recorded with the reservation and its ledger; never personal data of the citizen.</param>
/// <param name="ConversationId">The chat or call the change was made beside, if any.</param>
public sealed record ReservationActor(string Name, Guid? ConversationId = null);

/// <summary>A booking request.</summary>
/// <param name="ProgramCode">The program (<c>mynumber</c>).</param>
/// <param name="SlotId">A slot from <see cref="IReservationSystem.FreeTimesAsync"/>.</param>
/// <param name="Name">The citizen's name (personal data).</param>
/// <param name="Phone">The citizen's phone number; with the number it identifies the reservation later (personal data).</param>
/// <param name="Contact">Where notices go.</param>
/// <param name="Actor">Who books.</param>
/// <param name="RequestKey">
/// Optional, at most <see cref="MaxRequestKeyLength"/> characters: a key the caller gives each booking it means to make
/// once (the bot uses the citizen's turn). A request whose key already booked answers with that reservation instead of
/// booking again, so a step retried after a crash books once. Null: every request books.
/// </param>
public sealed record ReservationRequest(string ProgramCode, string SlotId, string Name, string Phone, ReservationContact Contact, ReservationActor Actor, string? RequestKey = null)
{
    /// <summary>The longest <see cref="RequestKey"/> (characters).</summary>
    public const int MaxRequestKeyLength = 100;
}

/// <summary>Whether a reservation stands.</summary>
public enum ReservationStatus
{
    /// <summary>Booked (possibly changed since).</summary>
    Booked,

    /// <summary>Cancelled; its place was given back.</summary>
    Cancelled,
}

/// <summary>A reservation as told to the citizen.</summary>
/// <param name="Number">The reservation number (予約番号), short enough to read out on the phone.</param>
/// <param name="ProgramCode">The program's code.</param>
/// <param name="ProgramName">The program's name.</param>
/// <param name="Day">The Japan date of the appointment.</param>
/// <param name="Starts">Start, Japan time.</param>
/// <param name="Ends">End, Japan time.</param>
/// <param name="Place">The place's name.</param>
/// <param name="PlaceAddress">The place's address.</param>
/// <param name="WhatToBring">持ち物, the program's text.</param>
/// <param name="Status">Whether it stands.</param>
public sealed record ReservationView(
    string Number,
    string ProgramCode,
    string ProgramName,
    DateOnly Day,
    TimeOnly Starts,
    TimeOnly Ends,
    string Place,
    string PlaceAddress,
    string WhatToBring,
    ReservationStatus Status);

/// <summary>Why a step failed.</summary>
public enum ReservationError
{
    /// <summary>The program is unknown or takes no reservations now.</summary>
    NotAvailable,

    /// <summary>The slot is full (満席).</summary>
    Full,

    /// <summary>The slot is unknown or no longer bookable (past, beyond the bookable days).</summary>
    SlotUnavailable,

    /// <summary>The reservation number or the phone number is wrong (never says which).</summary>
    NotFound,

    /// <summary>Already cancelled.</summary>
    AlreadyCancelled,

    /// <summary>A required value is missing or malformed (name, phone, contact address).</summary>
    Invalid,
}

/// <summary>The outcome of a step.</summary>
/// <param name="Reservation">The reservation after the step; null on failure.</param>
/// <param name="Error">Why it failed; null on success.</param>
/// <param name="Message">Japanese text for the citizen: the failure's reason (満席です…) or null on success.</param>
public sealed record ReservationResult(ReservationView? Reservation, ReservationError? Error, string? Message)
{
    /// <summary>Whether the step succeeded.</summary>
    public bool Succeeded => Error is null;

    /// <summary>A success.</summary>
    public static ReservationResult Ok(ReservationView reservation) => new(reservation, null, null);

    /// <summary>A failure with its message.</summary>
    public static ReservationResult Fail(ReservationError error, string message) => new(null, error, message);
}
