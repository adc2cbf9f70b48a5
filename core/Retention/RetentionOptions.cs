namespace ConversationHub.Core.Retention;

/// <summary>How long each kind of data is kept (section <c>Retention</c>) and how the daily job works through it.</summary>
public sealed class RetentionOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Retention";

    /// <summary>The shortest audit-log period allowed: the audit log is kept at least one year.</summary>
    public static readonly TimeSpan AuditLogFloor = TimeSpan.FromDays(365);

    /// <summary>Transcripts of conversations ended longer ago than this lose their activities and files.</summary>
    public TimeSpan Transcripts { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Call records older than this are deleted.</summary>
    public TimeSpan CallRecords { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Cases completed longer ago than this lose their personal fields.</summary>
    public TimeSpan CasePersonalFields { get; set; } = TimeSpan.FromDays(5 * 365);

    /// <summary>Finished mail older than this loses its body.</summary>
    public TimeSpan Mail { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Audit entries older than this are deleted; at least <see cref="AuditLogFloor"/>.</summary>
    public TimeSpan AuditLog { get; set; } = TimeSpan.FromDays(3 * 365);

    /// <summary>Rows handled per transaction.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>How often each node checks whether today's run is done (each kind runs once a day across nodes).</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The period of <paramref name="kind"/>, or null for a kind without one.</summary>
    public TimeSpan? PeriodOf(string kind) => kind switch
    {
        RetentionKinds.Transcripts => Transcripts,
        RetentionKinds.CallRecords => CallRecords,
        RetentionKinds.CasePersonalFields => CasePersonalFields,
        RetentionKinds.Mail => Mail,
        RetentionKinds.AuditLog => AuditLog,
        _ => null,
    };
}
