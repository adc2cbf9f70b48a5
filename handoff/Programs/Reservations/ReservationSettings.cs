namespace ConversationHub.Handoff.Programs.Reservations;

/// <summary>A program's reservation settings: what to bring (持ち物), slot length, places per slot, how far ahead.</summary>
internal sealed class ReservationSettings
{
    public const int MaxWhatToBringLength = 1000;

    public ReservationSettings(Guid programId) => ProgramId = programId;

    public Guid ProgramId { get; private set; }

    /// <summary>持ち物: told and sent with every reservation.</summary>
    public string WhatToBring { get; set; } = "";

    /// <summary>Length of a slot in minutes.</summary>
    public int SlotMinutes { get; set; } = 30;

    /// <summary>Places in a newly generated slot.</summary>
    public int CapacityPerSlot { get; set; } = 4;

    /// <summary>How many days ahead are bookable (tomorrow is day 1).</summary>
    public int BookableDays { get; set; } = 30;

    public DateTime ChangedAtUtc { get; set; }
}
