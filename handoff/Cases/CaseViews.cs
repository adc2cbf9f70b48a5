using System.Text.Json.Nodes;

namespace ConversationHub.Handoff.Cases;

/// <summary>The case list's filters, sort and page (all optional).</summary>
public sealed record CaseListQuery
{
    /// <summary>Free text: the number, or any word of any field (subject, text, contact, address, custom fields, labels).</summary>
    public string? Q { get; init; }

    /// <summary>Statuses to show (empty: all).</summary>
    public IReadOnlyList<CaseStatus>? Status { get; init; }

    /// <summary>A category and the ones below it.</summary>
    public Guid? CategoryId { get; init; }

    /// <summary>The department it is escalated to.</summary>
    public Guid? DepartmentId { get; init; }

    /// <summary>The staff member it is assigned to.</summary>
    public Guid? AssigneeId { get; init; }

    /// <summary>Who must act next: <c>center</c>, <c>department</c> or <c>approver</c>.</summary>
    public string? Awaiting { get; init; }

    /// <summary>Created on or after this day (JST).</summary>
    public DateOnly? From { get; init; }

    /// <summary>Created on or before this day (JST).</summary>
    public DateOnly? To { get; init; }

    /// <summary>The column to sort on: number, status, channel, createdAt, updatedAt, category, inquiryType, subject, contactName, department, assignee.</summary>
    public string? Sort { get; init; }

    /// <summary>Descending (default: newest first).</summary>
    public bool? Desc { get; init; }

    /// <summary>1-based page.</summary>
    public int? Page { get; init; }

    /// <summary>Rows per page (1–200, default 50).</summary>
    public int? PageSize { get; init; }
}

/// <summary>One row of the case list.</summary>
public sealed record CaseListRow(
    Guid Id, string Number, CaseStatus Status, string StatusLabel, CaseChannel Channel, string ChannelLabel, DateTime CreatedAtUtc, DateTime UpdatedAtUtc,
    string? Category, string? InquiryType, string? Subject, string? ContactName, Guid? DepartmentId, string? Department, Guid? AssigneeId, string? Assignee,
    string? AssigneeTeam, string? AwaitingSide);

/// <summary>A page of the case list.</summary>
public sealed record CaseListPage(IReadOnlyList<CaseListRow> Rows, int Total, int Page, int PageSize, string Sort, bool Desc);

/// <summary>Counts for the dashboard.</summary>
public sealed record CaseDashboard(
    int Total, int Open, IReadOnlyList<CaseCount> ByStatus, IReadOnlyList<CaseCount> ByCategory, IReadOnlyList<CaseCount> ByDepartment, IReadOnlyList<CaseCount> ByAge);

/// <summary>One bar of the dashboard.</summary>
public sealed record CaseCount(string Key, string Label, int Count);

/// <summary>A case as its page shows it.</summary>
public sealed record CaseView(
    Guid Id, string Number, int Version, CaseStatus Status, string StatusLabel, CaseChannel Channel, string ChannelLabel, Guid? ConversationId, string? SourceFaqId,
    Guid? CreatedById, string? CreatedBy, DateTime CreatedAtUtc, DateTime UpdatedAtUtc, Guid? CategoryId, string? Category, string? InquiryType, IReadOnlyList<string> Flags,
    string? Subject, string? Description, string? ContactName, string? ContactKana, string? ContactPhone, string? ContactEmail, string? PostalCode, string? Address,
    JsonObject CustomFields, Guid? DepartmentId, string? Department, IReadOnlyList<string> EscalationReasons, Guid? AssigneeId, string? Assignee, string? AssigneeTeam,
    string? AwaitingSide, DateTime? CompletedAtUtc, IReadOnlyList<CaseEntryView> Entries, IReadOnlyList<CaseHistoryView> History, IReadOnlyList<CaseReplyView> Replies,
    IReadOnlyList<CaseDuplicate> Duplicates, CasePermissions Can)
{
    /// <summary>Callbacks (架電): the 発信中 flag, the re-dial reservation and whether the viewer may dial.</summary>
    public CaseCallbackView? Callback { get; init; }
}

/// <summary>What the viewer may do on the case page.</summary>
public sealed record CasePermissions(bool Edit, bool Escalate, bool MessageDepartment, bool DepartmentSteps, bool Reply, bool SetStatus);

/// <summary>One timeline entry.</summary>
public sealed record CaseEntryView(Guid Id, CaseEntryKind Kind, string KindLabel, Guid? AuthorId, string? Author, string? Subject, string? Text, Guid? MailId, string? MailState, string? Warning, DateTime AtUtc);

/// <summary>One history line.</summary>
public sealed record CaseHistoryView(long Id, string Action, string ActionLabel, string? Field, string? FieldLabel, string? Before, string? After, Guid? ActorId, string? Actor, DateTime AtUtc);

/// <summary>A reply and whether the viewer may decide on it.</summary>
public sealed record CaseReplyView(
    Guid Id, CaseReplyState State, string StateLabel, string To, string Subject, string Body, Guid AuthorId, string? Author, Guid? DepartmentId, DateTime SubmittedAtUtc,
    Guid? DecidedById, string? DecidedBy, DateTime? DecidedAtUtc, string? RejectionReason, Guid? OutboxId, bool CanDecide);

/// <summary>An earlier case with the same name, phone, e-mail or address.</summary>
public sealed record CaseDuplicate(Guid Id, string Number, CaseStatus Status, string StatusLabel, DateTime CreatedAtUtc, string? Subject, IReadOnlyList<string> Matches);
