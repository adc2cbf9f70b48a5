namespace ConversationHub.Handoff.Programs.Reservations;

/// <summary>Why an administrator's change was refused: a key of <c>ReservationAdminStrings</c> and the number it names, if any.</summary>
internal sealed record ReservationAdminError(string Key, int Count = 0);
