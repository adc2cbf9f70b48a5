using ConversationHub.Core.Programs;

namespace ConversationHub.Handoff.Programs.Reservations;

/// <summary>
/// One citizen's appointment. Name, phone and contact address are personal data, encrypted at rest; the phone is also
/// kept as a keyed look-up hash, with which the number is checked when the citizen changes or cancels.
/// </summary>
internal sealed class Reservation
{
    public const int MaxNameLength = 100;
    public const int MaxActorLength = 64;

    // For EF Core.
    private Reservation()
    {
        Number = "";
        Name = "";
        Phone = "";
        PhoneHash = "";
        CreatedBy = "";
    }

    public Reservation(string number, Guid programId, Guid slotId, string name, string phone, string phoneHash, ReservationContact contact, ReservationActor actor, DateTime nowUtc, string? requestKey = null)
        : this()
    {
        Id = Guid.CreateVersion7();
        Number = number;
        ProgramId = programId;
        SlotId = slotId;
        Name = name;
        Phone = phone;
        PhoneHash = phoneHash;
        ContactChannel = contact.Channel;
        ContactAddress = contact.Address;
        Status = ReservationStatus.Booked;
        ConversationId = actor.ConversationId;
        CreatedAtUtc = nowUtc;
        CreatedBy = actor.Name;
        RequestKey = requestKey;
    }

    public Guid Id { get; private set; }

    /// <summary>予約番号: unique, digits only so it reads out on the phone.</summary>
    public string Number { get; private set; }

    public Guid ProgramId { get; private set; }

    public Guid SlotId { get; private set; }

    public string Name { get; private set; }

    public string Phone { get; private set; }

    /// <summary>The keyed hash of the phone's digits.</summary>
    public string PhoneHash { get; private set; }

    public ReservationContactChannel ContactChannel { get; private set; }

    /// <summary>LINE user id, e-mail address or mobile number; null when no notice is wanted.</summary>
    public string? ContactAddress { get; private set; }

    public ReservationStatus Status { get; private set; }

    /// <summary>The chat or call it was made beside.</summary>
    public Guid? ConversationId { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public string CreatedBy { get; private set; }

    public DateTime? ChangedAtUtc { get; private set; }

    public string? ChangedBy { get; private set; }

    public DateTime? CancelledAtUtc { get; private set; }

    public string? CancelledBy { get; private set; }

    /// <summary>The caller's key of the booking request (unique), with which a retried request finds what it booked.</summary>
    public string? RequestKey { get; private set; }

    /// <summary>The contact as the core contract has it.</summary>
    public ReservationContact Contact => new(ContactChannel, ContactAddress);
}
