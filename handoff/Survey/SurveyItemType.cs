namespace ConversationHub.Handoff.Survey;

/// <summary>How a survey item is answered. Stored by name in the definition's JSON.</summary>
internal enum SurveyItemType
{
    /// <summary>One of the item's options (a suggested reply, or its number).</summary>
    Choice,

    /// <summary>One of five levels, best first (とても満足 … とても不満, or a digit 5–1).</summary>
    FiveLevel,

    /// <summary>Any text the citizen writes (may hold personal data: encrypted at rest).</summary>
    FreeText,
}
