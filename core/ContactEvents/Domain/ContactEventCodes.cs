namespace ConversationHub.Core.ContactEvents.Domain;

/// <summary>Fits codes into the event's columns.</summary>
public static class ContactEventCodes
{
    /// <summary>
    /// <paramref name="value"/> cut to <see cref="ContactEvent.MaxCodeLength"/>, or null when empty. Cut rather than
    /// refused: recording an event must never fail the change it describes.
    /// </summary>
    public static string? Cut(string? value) =>
        string.IsNullOrEmpty(value) ? null : value.Length <= ContactEvent.MaxCodeLength ? value : value[..ContactEvent.MaxCodeLength];
}
