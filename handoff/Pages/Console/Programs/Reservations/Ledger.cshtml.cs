using ConversationHub.Core.Audit;
using ConversationHub.Core.Identity;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Handoff.Programs;
using ConversationHub.Handoff.Programs.Reservations;
using ConversationHub.Handoff.Reports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Handoff.Pages.Console.Programs.Reservations;

/// <summary>
/// 交付予約受付簿: the kept ledgers of a program, newest first, each downloadable as CSV or .xlsx and shown on the page
/// (<c>&amp;view=&lt;id&gt;</c>); every download and every showing is audited, as the ledger names citizens.
/// </summary>
[Authorize(Roles = HubRoles.Supervisor + "," + HubRoles.Administrator)]
internal sealed class LedgerModel(HandoffDbContext db, ProgramCatalog programs, ReservationLedgerBuilder builder) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "view")]
    public Guid? ViewId { get; set; }

    /// <summary>The ledger shown on the page (its day's bookings, changes and cancellations), or null.</summary>
    public ReportDocument? Viewed { get; private set; }

    [BindProperty(SupportsGet = true, Name = "program")]
    public string? ProgramCode { get; set; }

    public ProgramDefinition? Program { get; private set; }

    public IReadOnlyList<LedgerRow> Ledgers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Program = string.IsNullOrWhiteSpace(ProgramCode) ? null : await programs.FindByCodeAsync(ProgramCode.Trim(), cancellationToken);
        if (Program is not null)
        {
            Ledgers = await db.ReservationLedgers.AsNoTracking().Where(l => l.ProgramId == Program.Id).OrderByDescending(l => l.Day)
                .Select(l => new LedgerRow(l.Id, l.Day, l.Lines, l.GeneratedAtUtc)).Take(400).ToListAsync(cancellationToken);
            if (ViewId is { } id && Ledgers.FirstOrDefault(l => l.Id == id && l.GeneratedAtUtc is not null) is { } shown)
            {
                Viewed = await builder.BuildAsync(Program, shown.Day, cancellationToken);
                await HttpContext.AuditAsync(ReservationAuditActions.LedgerViewed, "program:" + Program.Code, $"{shown.Day:yyyy-MM-dd}");
            }
        }
    }

    public async Task<IActionResult> OnGetDownloadAsync(Guid id, string? format, CancellationToken cancellationToken)
    {
        var ledger = await db.ReservationLedgers.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        var program = ledger is null ? null : await programs.FindAsync(ledger.ProgramId, cancellationToken);
        var xlsx = string.Equals(format, "xlsx", StringComparison.Ordinal);
        var bytes = xlsx ? ledger?.Xlsx : ledger?.Csv;
        if (program is null || bytes is null || (!xlsx && !string.Equals(format, "csv", StringComparison.Ordinal)))
        {
            return NotFound();
        }

        await HttpContext.AuditAsync(ReservationAuditActions.LedgerDownloaded, "program:" + program.Code, $"{ledger!.Day:yyyy-MM-dd}; {(xlsx ? "xlsx" : "csv")}");
        var name = $"reservation-ledger-{program.Code}-{ledger.Day:yyyyMMdd}.{(xlsx ? "xlsx" : "csv")}";
        return File(bytes, xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8", name);
    }

    /// <summary>One kept ledger.</summary>
    public sealed record LedgerRow(Guid Id, DateOnly Day, int Lines, DateTime? GeneratedAtUtc);
}
