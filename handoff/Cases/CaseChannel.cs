namespace ConversationHub.Handoff.Cases;

/// <summary>Where a case came from. Stored as its name.</summary>
public enum CaseChannel
{
    /// <summary>Typed in by staff (a walk-in, a letter, a call without a record).</summary>
    Manual,

    /// <summary>The FAQ site's web chat (an agent's 「案件化」).</summary>
    WebChat,

    /// <summary>LINE (an agent's 「案件化」).</summary>
    Line,

    /// <summary>A phone call record.</summary>
    Voice,

    /// <summary>An e-mail for no known case.</summary>
    Email,

    /// <summary>The citizens' inquiry form (問い合わせフォーム).</summary>
    Form,
}
