using ConversationHub.Core.Programs;

namespace ConversationHub.Handoff.Programs.Reservations;

/// <summary>Where a LINE or SMS notice stands.</summary>
internal enum ReservationNoticeState
{
    Pending,
    Sending,
    Sent,
    Failed,
}

/// <summary>
/// A LINE or SMS notice in the reservations' outbox: written in the same transaction as the reservation change it tells
/// of, then sent by one node (<see cref="ReservationNoticeOutbox"/>), retried with backoff. The address and the text are
/// personal data, encrypted at rest and cleared once the channel took the notice; <see cref="LastError"/> names only
/// the kind of failure. The row's <see cref="Id"/> is the notice id the channel sees on every retry.
/// </summary>
internal sealed class ReservationNotice
{
    public const int MaxErrorLength = 64;

    // For EF Core.
    private ReservationNotice()
    {
    }

    public ReservationNotice(Guid id, Guid programId, Guid reservationId, ReservationNoticeKind kind, ReservationContactChannel channel, string address, string text, DateTime nowUtc)
    {
        Id = id;
        ProgramId = programId;
        ReservationId = reservationId;
        Kind = kind;
        Channel = channel;
        Address = address;
        Text = text;
        State = ReservationNoticeState.Pending;
        NextAttemptAtUtc = nowUtc;
        CreatedAtUtc = nowUtc;
    }

    public Guid Id { get; private set; }

    public Guid ProgramId { get; private set; }

    public Guid ReservationId { get; private set; }

    public ReservationNoticeKind Kind { get; private set; }

    public ReservationContactChannel Channel { get; private set; }

    /// <summary>The LINE user id or E.164 number (encrypted); null once sent or disposed of.</summary>
    public string? Address { get; private set; }

    /// <summary>The notice's text (encrypted); null once sent or disposed of.</summary>
    public string? Text { get; private set; }

    public ReservationNoticeState State { get; private set; }

    /// <summary>Attempts made so far (one cut short by a node's death counts).</summary>
    public int Attempts { get; private set; }

    /// <summary>When it may be tried next, while pending.</summary>
    public DateTime? NextAttemptAtUtc { get; private set; }

    /// <summary>The node sending it, while sending.</summary>
    public string? LeaseHolder { get; private set; }

    /// <summary>Until when that node holds it; after that another node may take it.</summary>
    public DateTime? LeaseUntilUtc { get; private set; }

    /// <summary>The kind of the last failure (<c>refused</c>, <c>no-sender</c>, <c>timed out</c>, an exception's type); never personal data.</summary>
    public string? LastError { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>When the channel took it.</summary>
    public DateTime? SentAtUtc { get; private set; }
}
