using ConversationHub.Core.Conversations.Domain;

namespace ConversationHub.Core.ContactEvents.Domain;

/// <summary>
/// The channel a contact came by: the conversation channels, plus <see cref="Manual"/> for cases staff typed in (a
/// walk-in, a letter, a call without a record), whose escalations still count per department. Stored as its name; the
/// names equal <see cref="ConversationChannel"/>'s.
/// </summary>
public enum ContactChannel
{
    /// <summary>The FAQ site's web chat.</summary>
    WebChat,

    /// <summary>LINE.</summary>
    Line,

    /// <summary>Phone.</summary>
    Voice,

    /// <summary>E-mail.</summary>
    Email,

    /// <summary>The inquiry form.</summary>
    Form,

    /// <summary>Typed in by staff, not by a platform channel.</summary>
    Manual,
}

/// <summary>Converts to <see cref="ContactChannel"/>.</summary>
public static class ContactChannels
{
    /// <summary>The contact channel of a conversation channel (same name).</summary>
    public static ContactChannel Of(ConversationChannel channel) => channel switch
    {
        ConversationChannel.WebChat => ContactChannel.WebChat,
        ConversationChannel.Line => ContactChannel.Line,
        ConversationChannel.Voice => ContactChannel.Voice,
        ConversationChannel.Email => ContactChannel.Email,
        ConversationChannel.Form => ContactChannel.Form,
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "Unknown conversation channel."),
    };

    /// <summary>Parses a stored channel name (a conversation's or a case's); null when unknown.</summary>
    public static ContactChannel? Parse(string? name) => Enum.TryParse<ContactChannel>(name, ignoreCase: false, out var channel) ? channel : null;
}
