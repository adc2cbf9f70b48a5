namespace ConversationHub.Handoff.Programs.Reservations;

/// <summary>The audit log's action names for reservations (targets: <c>reservation:&lt;number&gt;</c>, <c>program:&lt;code&gt;</c>).</summary>
internal static class ReservationAuditActions
{
    public const string Booked = "reservation.booked";
    public const string Changed = "reservation.changed";
    public const string Cancelled = "reservation.cancelled";
    public const string LookedUp = "reservation.looked-up";
    public const string LedgerViewed = "reservation.ledger-viewed";
    public const string NoticesRetried = "reservation.notices-retried";
    public const string SettingsChanged = "reservation.settings-changed";
    public const string PlaceAdded = "reservation.place-added";
    public const string SlotsGenerated = "reservation.slots-generated";
    public const string LedgerDownloaded = "reservation.ledger-downloaded";
    public const string SlotCapacityChanged = "reservation.slot-capacity-changed";
    public const string SlotClosed = "reservation.slot-closed";
    public const string SlotReopened = "reservation.slot-reopened";
    public const string PlaceEdited = "reservation.place-edited";
    public const string PlaceRemoved = "reservation.place-removed";
}
