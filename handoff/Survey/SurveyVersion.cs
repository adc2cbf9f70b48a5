namespace ConversationHub.Handoff.Survey;

/// <summary>
/// One saved version of the survey's definition (<c>handoff_survey_versions</c>); an edit adds a row, the highest
/// <see cref="Number"/> is current. The items are JSON (<see cref="SurveyDefinition"/>), read whole.
/// </summary>
internal sealed class SurveyVersion
{
    public SurveyVersion(int number, bool enabled, string consentText, string itemsJson, DateTime createdAtUtc, Guid? createdBy)
    {
        Number = number;
        Enabled = enabled;
        ConsentText = consentText;
        ItemsJson = itemsJson;
        CreatedAtUtc = createdAtUtc;
        CreatedBy = createdBy;
    }

    /// <summary>1, 2, …; the primary key, so two administrators saving at once cannot both make the same version.</summary>
    public int Number { get; private set; }

    public bool Enabled { get; private set; }

    public string ConsentText { get; private set; }

    public string ItemsJson { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public Guid? CreatedBy { get; private set; }
}
