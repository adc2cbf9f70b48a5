namespace ConversationHub.Handoff.Cases;

/// <summary>Where a case stands. Stored as its name; the labels (新規, 対応中 …) are in the resources.</summary>
public enum CaseStatus
{
    /// <summary>新規: created, nobody has worked on it yet.</summary>
    New,

    /// <summary>対応中: the contact center works on it.</summary>
    InProgress,

    /// <summary>エスカレーション中: a department has it.</summary>
    Escalated,

    /// <summary>承認待ち: a reply to the citizen waits for an approver.</summary>
    AwaitingApproval,

    /// <summary>回答済み: the approved reply has been sent (or queued for sending).</summary>
    Answered,

    /// <summary>完了: nothing more to do; can be reopened.</summary>
    Completed,
}

/// <summary>The moves a person may make by hand; the workflow's own moves (escalate, submit, approve) are in their services.</summary>
internal static class CaseStatusRules
{
    /// <summary>Whether staff may set <paramref name="to"/> directly from <paramref name="from"/>.</summary>
    public static bool CanSetByHand(CaseStatus from, CaseStatus to) => (from, to) switch
    {
        (CaseStatus.New, CaseStatus.InProgress) => true,
        (CaseStatus.New or CaseStatus.InProgress or CaseStatus.Answered, CaseStatus.Completed) => true,
        // Reopen.
        (CaseStatus.Completed or CaseStatus.Answered, CaseStatus.InProgress) => true,
        _ => false,
    };

    /// <summary>Open cases still need someone; the dashboard's age buckets count these.</summary>
    public static bool IsOpen(this CaseStatus status) => status is not (CaseStatus.Completed);
}
