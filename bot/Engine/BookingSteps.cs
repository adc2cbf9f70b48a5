namespace ConversationHub.Bot.Engine;

/// <summary>The questions of the booking dialogue, as <see cref="BookingState.Step"/> stores them.</summary>
internal static class BookingSteps
{
    // Both modes: the new day and time.
    public const string Day = "day";
    public const string Time = "time";

    // Booking.
    public const string Name = "name";
    public const string Phone = "phone";
    public const string Contact = "contact";
    public const string Email = "email";
    public const string Confirm = "confirm";

    // Changing or cancelling.
    public const string Number = "number";
    public const string Verify = "verify";
    public const string Manage = "manage";
    public const string ConfirmChange = "confirmChange";
    public const string ConfirmCancel = "confirmCancel";
}
