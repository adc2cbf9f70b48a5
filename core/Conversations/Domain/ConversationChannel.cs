namespace ConversationHub.Core.Conversations.Domain;

/// <summary>The channel a conversation belongs to. Stored as its name.</summary>
public enum ConversationChannel
{
    /// <summary>The FAQ site's web chat (Direct Line 3.0).</summary>
    WebChat,

    /// <summary>The city's LINE official account.</summary>
    Line,

    /// <summary>Phone (voicebot IVR).</summary>
    Voice,

    /// <summary>Inbound e-mail.</summary>
    Email,

    /// <summary>The inquiry form.</summary>
    Form,
}
