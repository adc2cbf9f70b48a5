using System.Globalization;
using System.Text;
using ConversationHub.Core.Audit;
using ConversationHub.Core.Calendar;
using ConversationHub.Core.Export;
using ConversationHub.Core.Identity;
using ConversationHub.Core.Persistence;
using ConversationHub.Handoff.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Handoff.Pages.Console.Admin;

/// <summary>
/// 監査ログ: the audit log for administrators, newest first, filtered by day range (Japan time), kind and staff id, with
/// a CSV export of the same selection and a check of the hash chain. Reading and exporting it are audited too.
/// </summary>
[Authorize(Roles = HubRoles.Administrator)]
internal sealed class AuditLogModel(HubDbContext db, UserManager<HubUser> users, IStringLocalizer<HandoffStrings> strings) : PageModel
{
    private const int PageSize = 100;
    private const int ExportLimit = 100_000;
    private static readonly TimeSpan JapanOffset = JapanTime.Offset;

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Staff { get; set; }

    /// <summary>Show entries older than this sequence (the next page).</summary>
    [BindProperty(SupportsGet = true)]
    public long? Before { get; set; }

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public long? NextBefore { get; private set; }

    public string? Error { get; private set; }

    public AuditChainReport? Chain { get; private set; }

    /// <summary>The kinds offered in the filter.</summary>
    public static IReadOnlyList<string> Kinds { get; } =
    [
        AuditActions.SignInSucceeded, AuditActions.SignInFailed, AuditActions.SignInLockedOut, AuditActions.SignedOut,
        AuditActions.CaseViewed, AuditActions.TranscriptViewed, AuditActions.Exported, AuditActions.SettingChanged,
        AuditActions.UserChanged, AuditActions.AuditViewed,
    ];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await SelectionAsync(cancellationToken) is not { } selection)
            return Page();
        var page = await selection.Where(e => Before == null || e.Sequence < Before)
            .OrderByDescending(e => e.Sequence).Take(PageSize + 1).ToListAsync(cancellationToken);
        Entries = page.Take(PageSize).ToList();
        NextBefore = page.Count > PageSize ? Entries[^1].Sequence : null;
        await HttpContext.AuditAsync(AuditActions.AuditViewed, detail: Describe());
        return Page();
    }

    /// <summary>The same selection as CSV (UTF-8 with BOM, so Excel opens Japanese text correctly).</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        if (await SelectionAsync(cancellationToken) is not { } selection)
            return Page();
        var rows = await selection.OrderBy(e => e.Sequence).Take(ExportLimit).ToListAsync(cancellationToken);
        var csv = new StringBuilder();
        csv.AppendLine(string.Join(',', "sequence", "at_jst", "action", "staff", "staff_user_id", "target", "detail", "from", "hash"));
        foreach (var e in rows)
        {
            csv.AppendLine(string.Join(',',
                e.Sequence.ToString(CultureInfo.InvariantCulture), Japan(e.AtUtc).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                Cell(e.Action), Cell(e.ActorName), e.ActorId?.ToString() ?? "", Cell(e.Target), Cell(e.Detail), Cell(e.FromAddress), e.Hash));
        }

        await HttpContext.AuditAsync(AuditActions.Exported, "audit_log", $"{rows.Count} rows; {Describe()}");
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
        return File(bytes, "text/csv; charset=utf-8", $"audit-log-{DateTime.UtcNow.Add(JapanOffset):yyyyMMdd-HHmm}.csv");
    }

    /// <summary>Checks the whole chain and shows the result above the list.</summary>
    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken cancellationToken)
    {
        Chain = await AuditChain.VerifyAsync(db, cancellationToken);
        return await OnGetAsync(cancellationToken);
    }

    public static DateTime Japan(DateTime utc) => utc + JapanOffset;

    public string KindLabel(string action) => strings["Audit_Kind_" + action.Replace('.', '_')] is { ResourceNotFound: false } label ? label.Value : action;

    private async Task<IQueryable<AuditEntry>?> SelectionAsync(CancellationToken cancellationToken)
    {
        if (From is { } from && To is { } to && to < from)
        {
            Error = strings["Audit_Error_Range"];
            return null;
        }

        if (Kind is { Length: > 0 } kind && !Kinds.Contains(kind, StringComparer.Ordinal))
        {
            Error = strings["Audit_Error_Kind"];
            return null;
        }

        var query = db.AuditLog.AsNoTracking();
        if (From is { } start)
        {
            var fromUtc = start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - JapanOffset;
            query = query.Where(e => e.AtUtc >= fromUtc);
        }

        if (To is { } end)
        {
            var toUtc = end.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - JapanOffset;
            query = query.Where(e => e.AtUtc < toUtc);
        }

        if (Kind is { Length: > 0 } action)
            query = query.Where(e => e.Action == action);
        if (Staff is { Length: > 0 } staff)
        {
            // Staff ids are stored encrypted; the filter finds the account by its blind index and matches its id.
            if (await users.FindByNameAsync(staff.Trim()) is not { } user)
            {
                Error = strings["Audit_Error_Staff"];
                return null;
            }

            query = query.Where(e => e.ActorId == user.Id);
        }

        return query;
    }

    private string Describe() =>
        string.Join(' ', new[] { From is { } f ? "from=" + f.ToString("O", CultureInfo.InvariantCulture) : null, To is { } t ? "to=" + t.ToString("O", CultureInfo.InvariantCulture) : null, Kind is { Length: > 0 } ? "kind=" + Kind : null, Staff is { Length: > 0 } ? "staff=" + Staff.Trim() : null }.Where(p => p is not null));

    // Quotes every cell; the case export's guard keeps a staff id like "=cmd" from running in Excel.
    private static string Cell(string? value) =>
        "\"" + (SpreadsheetCells.NeutraliseOrNull(value) ?? "").Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
