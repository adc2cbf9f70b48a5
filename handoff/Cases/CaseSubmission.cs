namespace ConversationHub.Handoff.Cases;

/// <summary>
/// A one-time key that made a case: the inquiry form's submission id, or a chat turn's id. Inserted in the transaction
/// that inserts the case, under a unique key, so a request repeated with the same key (a double click, a reload, a bot
/// turn retried after a crash) finds the first case instead of making a second.
/// </summary>
public sealed class CaseSubmission
{
    /// <summary>The longest key.</summary>
    public const int MaxKeyLength = 64;

    // For EF Core.
    private CaseSubmission()
    {
        Key = "";
    }

    internal CaseSubmission(string key, Guid caseId, DateTime atUtc)
    {
        Key = key;
        CaseId = caseId;
        CreatedAtUtc = atUtc;
    }

    /// <summary>The key (<c>form:{guid}</c>, <c>chat:{conversation}:{sequence}</c>).</summary>
    public string Key { get; private set; }

    /// <summary>The case it made.</summary>
    public Guid CaseId { get; private set; }

    /// <summary>When (UTC).</summary>
    public DateTime CreatedAtUtc { get; private set; }
}
