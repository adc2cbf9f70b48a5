namespace ConversationHub.Handoff.Survey;

/// <summary>
/// One question of the survey. <paramref name="Required"/>: the citizen cannot skip it. <paramref name="Fixed"/>: one of
/// the city's required items (age band, gender, …), which an administrator can reword but not remove.
/// </summary>
internal sealed record SurveyItem(string Key, string Question, SurveyItemType Type, IReadOnlyList<string> Options, bool Required, bool Fixed)
{
    /// <summary>The key of the five-level satisfaction item, whose answer also makes the SatisfactionGiven contact event.</summary>
    public const string SatisfactionKey = "satisfaction";

    /// <summary>The key of the reason item, which may be free text or choices.</summary>
    public const string ReasonKey = "reason";
}
