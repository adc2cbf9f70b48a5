using System.Globalization;
using ConversationHub.Core.Audit;
using ConversationHub.Core.Calendar;
using ConversationHub.Core.Faq;
using ConversationHub.Core.Persistence;
using ConversationHub.Handoff.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Handoff.Reports;

/// <summary>
/// The reports' tables that are not counts of contacts: transfers and escalations per department (from the hourly
/// roll-up, grouped in the database), the FAQ proposals of the period (through core's contract) and the staff accounts'
/// access changes (from the audit log).
/// </summary>
internal sealed class ReportListTables(HubDbContext hub, IFaqProposalReport proposals, IStringLocalizer<ReportStrings> strings)
{
    /// <summary>The audit actions that change who may use the platform, with their Japanese names' resource keys.</summary>
    private static readonly Dictionary<string, string> AccessActions = new(StringComparer.Ordinal)
    {
        [AuditActions.UserCreated] = "Access_Created",
        [AuditActions.RoleGranted] = "Access_RoleGranted",
        [AuditActions.RoleRemoved] = "Access_RoleRemoved",
        [AuditActions.UserDisabled] = "Access_Disabled",
        [AuditActions.UserEnabled] = "Access_Enabled",
    };

    /// <summary>
    /// Transfers and escalations per department (only <paramref name="departmentId"/>'s row when given; only the
    /// contacts of <paramref name="programId"/> when given).
    /// </summary>
    public async Task<ReportTable> DepartmentsAsync(ReportPeriod period, Guid? departmentId, Guid? programId, CancellationToken cancellationToken)
    {
        var rows = hub.ContactHourly.AsNoTracking().Where(f => f.HourStartUtc >= period.FromUtc && f.HourStartUtc < period.ToUtcExclusive);
        if (departmentId is { } only)
        {
            rows = rows.Where(f => f.DepartmentId == only);
        }

        if (programId is { } program)
        {
            rows = rows.Where(f => f.ProgramId == program);
        }

        var sums = await rows.GroupBy(f => f.DepartmentId)
            .Select(g => new { DepartmentId = g.Key, Transferred = g.Sum(f => f.Transferred), Escalated = g.Sum(f => f.Escalated) })
            .Where(s => s.Transferred > 0 || s.Escalated > 0)
            .ToListAsync(cancellationToken);
        var ids = sums.Select(s => s.DepartmentId).ToList();
        var names = await hub.Departments.AsNoTracking().Where(d => ids.Contains(d.Id))
            .Select(d => new { d.Id, d.Code, d.Name }).ToDictionaryAsync(d => d.Id, cancellationToken);
        var lines = sums
            .OrderBy(s => names.TryGetValue(s.DepartmentId, out var d) ? d.Code : "~")
            .Select(s => new ReportLine(
                names.TryGetValue(s.DepartmentId, out var d) ? d.Name : strings["NoDepartment"].Value,
                [s.Transferred, s.Escalated]))
            .ToList();
        return new ReportTable("departments", strings["DepartmentsCaption"], strings["Column_Department"],
            [strings["Column_Transferred"], strings["Column_Escalated"]], lines,
            new ReportLine(strings["Total"], [sums.Sum(s => s.Transferred), sums.Sum(s => s.Escalated)]), strings["DepartmentsNote"]);
    }

    /// <summary>The FAQ proposals made in the period.</summary>
    public async Task<ReportTable> ProposalsAsync(ReportPeriod period, CancellationToken cancellationToken)
    {
        var list = await proposals.ProposedAsync(period.FromUtc, period.ToUtcExclusive, cancellationToken);
        var lines = list.Select(p => new ReportLine(Jst(p.CreatedAtUtc), [p.Question, strings["ProposalSource_" + p.Source].Value, strings["ProposalStatus_" + p.Status].Value])).ToList();
        return new ReportTable("proposals", strings["ProposalsCaption", list.Count], strings["Column_ProposedAt"],
            [strings["Column_ProposedQuestion"], strings["Column_ProposalSource"], strings["Column_ProposalStatus"]], lines);
    }

    /// <summary>Accounts created, roles granted or removed, accounts disabled or enabled again, oldest first.</summary>
    public async Task<ReportTable> AccessChangesAsync(ReportPeriod period, CancellationToken cancellationToken)
    {
        var actions = AccessActions.Keys.ToList();
        var entries = await hub.AuditLog.AsNoTracking()
            .Where(e => e.AtUtc >= period.FromUtc && e.AtUtc < period.ToUtcExclusive && actions.Contains(e.Action))
            .OrderBy(e => e.Sequence)
            .Select(e => new { e.AtUtc, e.Action, e.Target, e.Detail, e.ActorName })
            .ToListAsync(cancellationToken);
        var lines = entries.Select(e => new ReportLine(Jst(e.AtUtc),
        [
            strings[AccessActions[e.Action]].Value,
            e.Target is { } target && target.StartsWith("user:", StringComparison.Ordinal) ? target["user:".Length..] : e.Target,
            e.Action is AuditActions.RoleGranted or AuditActions.RoleRemoved ? e.Detail : null,
            e.ActorName,
        ])).ToList();
        return new ReportTable("access", strings["AccessCaption", lines.Count], strings["Column_ChangedAt"],
            [strings["Column_AccessKind"], strings["Column_StaffId"], strings["Column_Role"], strings["Column_ChangedBy"]], lines);
    }

    private static string Jst(DateTime utc) =>
        JapanTime.ToJapan(new DateTimeOffset(utc, TimeSpan.Zero)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
