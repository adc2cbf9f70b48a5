using ConversationHub.Core.Persistence;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Handoff.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Handoff.Cases;

/// <summary>
/// The case's way through the city: escalation to a department, the department's answer, request for information or
/// hand-back, and replies to the citizen that leave only after an approver's approval. Each step tells the other side
/// (a mail through the outbox, with a link and no personal data) in the same unit of work as the change.
/// </summary>
internal sealed class CaseWorkflow(
    HandoffDbContext db,
    HubDbContext hub,
    CaseDesk desk,
    CaseMailer mailer,
    IStringLocalizer<HandoffStrings> strings,
    TimeProvider time)
{
    public const int MaxMessageLength = 4000;
    public const int MaxReplyBody = 20_000;

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>The center hands the case to a department with one or more reasons and a message.</summary>
    public async Task<CaseOutcome> EscalateAsync(CaseActor actor, Guid id, Guid departmentId, IReadOnlyList<string>? reasons, string? message, CancellationToken cancellationToken)
    {
        var (record, error) = await desk.WorkableAsync(actor, id, cancellationToken);
        if (record is null)
        {
            return error!;
        }

        if (actor.DepartmentId is not null)
        {
            return CaseOutcome.Fail(CaseError.Forbidden);
        }

        if (record.Status is CaseStatus.AwaitingApproval or CaseStatus.Completed)
        {
            return WrongStatus(record);
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var department = await hub.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == departmentId && d.IsActive, cancellationToken);
        if (department is null)
        {
            errors["departmentId"] = [strings["Cases_Error_UnknownDepartment"].Value];
        }

        var catalog = await CaseCatalogSnapshot.LoadAsync(db, cancellationToken);
        var codes = (reasons ?? []).Select(r => r.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (codes.Count == 0 || codes.Any(c => !catalog.Active(CaseOptionKind.EscalationReason).Any(o => o.Code == c)))
        {
            errors["reasons"] = [strings["Cases_Error_Reasons"].Value];
        }

        if (message?.Trim().Length > MaxMessageLength)
        {
            errors["message"] = [strings["Cases_Error_TooLong", MaxMessageLength].Value];
        }

        if (errors.Count > 0)
        {
            return CaseOutcome.Invalid(errors);
        }

        var now = Now;
        db.CaseHistory.Add(new CaseHistoryEntry(record.Id, actor.Id, "escalated", "departmentId", record.DepartmentId?.ToString(), departmentId.ToString(), now));
        db.CaseHistory.Add(new CaseHistoryEntry(record.Id, actor.Id, "escalated", "status", record.Status.ToString(), nameof(CaseStatus.Escalated), now));
        record.DepartmentId = departmentId;
        record.EscalationReasons = string.Join(',', codes);
        record.Status = CaseStatus.Escalated;
        record.AwaitingSide = CaseSides.Department;
        record.AssigneeId = null;
        var labels = string.Join("、", codes.Select(c => catalog.OptionLabel(CaseOptionKind.EscalationReason, c)));
        db.CaseEntries.Add(new CaseEntry(record.Id, CaseEntryKind.Escalation, actor.Id, message?.Trim(), now) { Subject = $"{department!.Name}: {labels}" });
        if (CaseMailer.DepartmentAddress(department) is { } address)
        {
            mailer.Notice(db, record, address, "Cases_Notice_Escalated", strings["Cases_Mail_Reasons", labels]);
        }

        return await desk.SaveAsync(record, cancellationToken, saved => CaseContactEvents.Escalated(saved, actor.Id, now));
    }

    /// <summary>The department asks the center for more information (the case stays with the department).</summary>
    public Task<CaseOutcome> RequestInfoAsync(CaseActor actor, Guid id, string? text, CancellationToken cancellationToken) =>
        DepartmentStepAsync(actor, id, text, CaseEntryKind.InfoRequest, "info_requested", "Cases_Notice_InfoRequested", handBack: false, cancellationToken);

    /// <summary>The department hands the case back to the center.</summary>
    public Task<CaseOutcome> HandBackAsync(CaseActor actor, Guid id, string? text, CancellationToken cancellationToken) =>
        DepartmentStepAsync(actor, id, text, CaseEntryKind.HandBack, "handed_back", "Cases_Notice_HandedBack", handBack: true, cancellationToken);

    /// <summary>The center answers the department (more information); the department is told.</summary>
    public async Task<CaseOutcome> MessageDepartmentAsync(CaseActor actor, Guid id, string? text, CancellationToken cancellationToken)
    {
        var (record, error) = await desk.WorkableAsync(actor, id, cancellationToken);
        if (record is null)
        {
            return error!;
        }

        if (actor.DepartmentId is not null)
        {
            return CaseOutcome.Fail(CaseError.Forbidden);
        }

        if (record.Status != CaseStatus.Escalated || record.DepartmentId is null)
        {
            return WrongStatus(record);
        }

        if (desk.RequiredText(text, "text", MaxMessageLength) is { } invalid)
        {
            return invalid;
        }

        var now = Now;
        db.CaseEntries.Add(new CaseEntry(record.Id, CaseEntryKind.CenterMessage, actor.Id, text!.Trim(), now));
        db.CaseHistory.Add(new CaseHistoryEntry(record.Id, actor.Id, "center_message", null, null, null, now));
        record.AwaitingSide = CaseSides.Department;
        var department = await hub.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == record.DepartmentId, cancellationToken);
        if (CaseMailer.DepartmentAddress(department) is { } address)
        {
            mailer.Notice(db, record, address, "Cases_Notice_CenterMessage");
        }

        return await desk.SaveAsync(record, cancellationToken);
    }

    /// <summary>
    /// A reply to the citizen, submitted for approval: by the center (approved by the center's approvers) or by the
    /// department that has the case (approved by its approvers or the center's). One reply waits at a time.
    /// </summary>
    public async Task<CaseOutcome> SubmitReplyAsync(CaseActor actor, Guid id, string? to, string? subject, string? body, CancellationToken cancellationToken)
    {
        var (record, error) = await desk.WorkableAsync(actor, id, cancellationToken);
        if (record is null)
        {
            return error!;
        }

        if (record.Status is CaseStatus.AwaitingApproval or CaseStatus.Completed)
        {
            return WrongStatus(record);
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var recipient = string.IsNullOrWhiteSpace(to) ? record.ContactEmail : to.Trim();
        if (recipient is null)
        {
            errors["to"] = [strings["Cases_Error_NoRecipient"].Value];
        }
        else if (!CaseValidator.IsMailAddress(recipient))
        {
            errors["to"] = [strings["Cases_Error_Email"].Value];
        }

        if (string.IsNullOrWhiteSpace(subject) || subject.Trim().Length > CaseValidator.MaxSubject || subject.Contains('\n', StringComparison.Ordinal))
        {
            errors["subject"] = [strings["Cases_Error_Subject", CaseValidator.MaxSubject].Value];
        }

        if (string.IsNullOrWhiteSpace(body) || body.Length > MaxReplyBody)
        {
            errors["body"] = [strings["Cases_Error_Body", MaxReplyBody].Value];
        }

        if (errors.Count > 0)
        {
            return CaseOutcome.Invalid(errors);
        }

        var now = Now;
        var reply = new CaseReply(record.Id, actor.Id, actor.DepartmentId, recipient!, subject!.Trim(), body!.Replace("\r\n", "\n", StringComparison.Ordinal), now);
        db.CaseReplies.Add(reply);
        db.CaseHistory.Add(new CaseHistoryEntry(record.Id, actor.Id, "reply_submitted", "status", record.Status.ToString(), nameof(CaseStatus.AwaitingApproval), now));
        record.Status = CaseStatus.AwaitingApproval;
        record.AwaitingSide = CaseSides.Approver;
        var approvers = actor.DepartmentId is { } departmentId
            ? CaseMailer.DepartmentAddress(await hub.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == departmentId, cancellationToken))
            : mailer.CenterAddress;
        if (approvers is not null)
        {
            mailer.Notice(db, record, approvers, "Cases_Notice_ApprovalRequested");
        }

        return await desk.SaveAsync(record, cancellationToken);
    }

    /// <summary>An approver approves: the reply goes to the outbox (sent once, durably) and the case is answered.</summary>
    public async Task<CaseOutcome> ApproveAsync(CaseActor actor, Guid id, Guid replyId, CancellationToken cancellationToken)
    {
        var (record, reply, error) = await PendingReplyAsync(actor, id, replyId, cancellationToken);
        if (record is null)
        {
            return error!;
        }

        var now = Now;
        var thread = await db.CaseEntries.AsNoTracking()
            .Where(e => e.CaseId == record.Id && e.MessageId != null)
            .OrderBy(e => e.AtUtc).Select(e => e.MessageId!).ToListAsync(cancellationToken);
        var mail = mailer.Reply(db, record, reply!, thread);
        reply!.State = CaseReplyState.Approved;
        reply.DecidedById = actor.Id;
        reply.DecidedAtUtc = now;
        reply.OutboxId = mail.Id;
        db.CaseEntries.Add(new CaseEntry(record.Id, CaseEntryKind.OutboundMail, reply.AuthorId, reply.Body, now)
        {
            Subject = reply.Subject,
            MailId = mail.Id,
            MessageId = mail.MessageId,
        });
        db.CaseHistory.Add(new CaseHistoryEntry(record.Id, actor.Id, "reply_approved", "status", record.Status.ToString(), nameof(CaseStatus.Answered), now));
        record.Status = CaseStatus.Answered;
        record.AwaitingSide = null;
        return await desk.SaveAsync(record, cancellationToken);
    }

    /// <summary>An approver sends the reply back with a reason; the case returns to whoever wrote it.</summary>
    public async Task<CaseOutcome> RejectAsync(CaseActor actor, Guid id, Guid replyId, string? reason, CancellationToken cancellationToken)
    {
        var (record, reply, error) = await PendingReplyAsync(actor, id, replyId, cancellationToken);
        if (record is null)
        {
            return error!;
        }

        if (desk.RequiredText(reason, "reason", MaxMessageLength) is { } invalid)
        {
            return invalid;
        }

        var now = Now;
        reply!.State = CaseReplyState.Rejected;
        reply.DecidedById = actor.Id;
        reply.DecidedAtUtc = now;
        reply.RejectionReason = reason!.Trim();
        var back = reply.DepartmentId is not null && record.DepartmentId == reply.DepartmentId ? CaseStatus.Escalated : CaseStatus.InProgress;
        db.CaseEntries.Add(new CaseEntry(record.Id, CaseEntryKind.Rejection, actor.Id, reply.RejectionReason, now) { Subject = reply.Subject });
        db.CaseHistory.Add(new CaseHistoryEntry(record.Id, actor.Id, "reply_rejected", "status", record.Status.ToString(), back.ToString(), now));
        record.Status = back;
        record.AwaitingSide = back == CaseStatus.Escalated ? CaseSides.Department : CaseSides.Center;
        return await desk.SaveAsync(record, cancellationToken);
    }

    private async Task<(CaseRecord? Record, CaseReply? Reply, CaseOutcome? Error)> PendingReplyAsync(CaseActor actor, Guid id, Guid replyId, CancellationToken cancellationToken)
    {
        var record = await db.Cases.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        var reply = await db.CaseReplies.FirstOrDefaultAsync(r => r.Id == replyId && r.CaseId == id, cancellationToken);
        if (record is null || reply is null || !actor.CanSee(record))
        {
            return (null, null, CaseOutcome.Fail(CaseError.NotFound));
        }

        if (!actor.CanApprove(reply))
        {
            return (null, null, CaseOutcome.Fail(CaseError.Forbidden));
        }

        return reply.State != CaseReplyState.Submitted || record.Status != CaseStatus.AwaitingApproval
            ? (null, null, WrongStatus(record))
            : (record, reply, null);
    }

    private async Task<CaseOutcome> DepartmentStepAsync(
        CaseActor actor, Guid id, string? text, CaseEntryKind kind, string action, string noticeKey, bool handBack, CancellationToken cancellationToken)
    {
        var (record, error) = await desk.WorkableAsync(actor, id, cancellationToken);
        if (record is null)
        {
            return error!;
        }

        if (!actor.IsDepartmentSide)
        {
            return CaseOutcome.Fail(CaseError.Forbidden);
        }

        if (record.Status != CaseStatus.Escalated)
        {
            return WrongStatus(record);
        }

        if (desk.RequiredText(text, "text", MaxMessageLength) is { } invalid)
        {
            return invalid;
        }

        var now = Now;
        db.CaseEntries.Add(new CaseEntry(record.Id, kind, actor.Id, text!.Trim(), now));
        if (handBack)
        {
            db.CaseHistory.Add(new CaseHistoryEntry(record.Id, actor.Id, action, "departmentId", record.DepartmentId?.ToString(), null, now));
            db.CaseHistory.Add(new CaseHistoryEntry(record.Id, actor.Id, action, "status", record.Status.ToString(), nameof(CaseStatus.InProgress), now));
            record.DepartmentId = null;
            record.Status = CaseStatus.InProgress;
            record.AssigneeId = null;
        }
        else
        {
            db.CaseHistory.Add(new CaseHistoryEntry(record.Id, actor.Id, action, null, null, null, now));
        }

        record.AwaitingSide = CaseSides.Center;
        if (mailer.CenterAddress is { } center)
        {
            mailer.Notice(db, record, center, noticeKey);
        }

        return await desk.SaveAsync(record, cancellationToken);
    }

    private CaseOutcome WrongStatus(CaseRecord record) =>
        CaseOutcome.Fail(CaseError.WrongStatus, strings["Cases_Error_NotNow", strings["CaseStatus_" + record.Status]]);
}
