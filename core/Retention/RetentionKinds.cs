namespace ConversationHub.Core.Retention;

/// <summary>The kinds of data with a retention period; each is a property of <see cref="RetentionOptions"/>.</summary>
public static class RetentionKinds
{
    /// <summary>The activities and files of conversations ended longer ago than the period.</summary>
    public const string Transcripts = "transcripts";

    /// <summary>The voice bridge's call records.</summary>
    public const string CallRecords = "call-records";

    /// <summary>The personal fields of completed cases (the case and its figures are kept).</summary>
    public const string CasePersonalFields = "case-personal-fields";

    /// <summary>The bodies of received and sent mail.</summary>
    public const string Mail = "mail";

    /// <summary>The audit log's oldest entries.</summary>
    public const string AuditLog = "audit-log";
}
