namespace ConversationHub.Core.Conversations.Domain;

/// <summary>An owner transition that the state machine does not allow (for example closed → agent).</summary>
public sealed class ConversationStateException : InvalidOperationException
{
    /// <summary>Creates the exception for a move from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public ConversationStateException(Guid conversationId, ConversationOwner from, ConversationOwner to)
        : base($"Conversation {conversationId} cannot move from {from} to {to}.")
    {
        From = from;
        To = to;
    }

    /// <summary>Creates the exception.</summary>
    public ConversationStateException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public ConversationStateException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ConversationStateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The owner before the attempted move.</summary>
    public ConversationOwner From { get; }

    /// <summary>The owner the move asked for.</summary>
    public ConversationOwner To { get; }
}
