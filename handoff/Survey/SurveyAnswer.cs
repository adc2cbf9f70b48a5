namespace ConversationHub.Handoff.Survey;

/// <summary>
/// One answer (<c>handoff_survey_answers</c>): a choice's label, a five-level score, or free text (encrypted at rest:
/// the citizen may write personal data there). Skipped items have no row.
/// </summary>
internal sealed class SurveyAnswer
{
    public SurveyAnswer(Guid conversationId, int version, string itemKey, DateTime answeredAtUtc)
    {
        Id = Guid.NewGuid();
        ConversationId = conversationId;
        Version = version;
        ItemKey = itemKey;
        AnsweredAtUtc = answeredAtUtc;
    }

    public Guid Id { get; private set; }

    public Guid ConversationId { get; private set; }

    /// <summary>The definition version the question was asked on.</summary>
    public int Version { get; private set; }

    public string ItemKey { get; private set; }

    /// <summary>The chosen option's label (choices and five levels).</summary>
    public string? Choice { get; set; }

    /// <summary>5 (best) to 1, for five-level items.</summary>
    public int? Score { get; set; }

    /// <summary>Free text, encrypted at rest.</summary>
    public string? Text { get; set; }

    public DateTime AnsweredAtUtc { get; private set; }
}
