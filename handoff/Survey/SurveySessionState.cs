namespace ConversationHub.Handoff.Survey;

/// <summary>Where a citizen stands in the survey offered after a chat. Stored by name.</summary>
internal enum SurveySessionState
{
    /// <summary>The consent question is out and unanswered (or the window passed without an answer).</summary>
    AwaitingConsent,

    /// <summary>The citizen said no: nothing but this row (the declined count) is kept.</summary>
    Declined,

    /// <summary>The citizen said yes and answers the items in order; a timeout leaves it here with the answers given.</summary>
    Answering,

    /// <summary>Every item answered or skipped.</summary>
    Completed,
}
