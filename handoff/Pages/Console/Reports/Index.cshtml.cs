using System.Globalization;
using ConversationHub.Core.Persistence;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Handoff.Reports;
using ConversationHub.Handoff.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Handoff.Pages.Console.Reports;

/// <summary>
/// The daily report (<c>/console/reports</c>, 日次報告): the newest complete report, or the one covering
/// <c>?date=yyyy-MM-dd</c> (a closed day is covered by the next working day's report), with the period it covers; and,
/// for whole-center readers, the reports the schedule made and kept. Department staff see their department's rows only.
/// </summary>
[Authorize(Roles = ReportViewer.Roles)]
internal sealed class ReportsIndexModel(
    IEnumerable<IReportDefinition> definitions, ReportRequests requests, HubDbContext hub, HandoffDbContext handoff, IStringLocalizer<ReportStrings> strings)
    : ReportPageModel(ReportKinds.Daily, definitions, requests, hub, strings)
{
    public IReadOnlyList<GeneratedReportRow> Generated { get; private set; } = [];

    protected override async Task OnReportAsync(CancellationToken cancellationToken)
    {
        if (Viewer?.SeesCenter != true)
        {
            return;
        }

        var rows = await handoff.GeneratedReports.AsNoTracking()
            .OrderByDescending(r => r.ClaimedAtUtc).Take(60)
            .Select(r => new { r.Id, r.Kind, r.FromDay, r.ToDay, r.GeneratedAtUtc })
            .ToListAsync(cancellationToken);
        Generated = [.. rows.Select(r => new GeneratedReportRow(r.Id, r.Kind, new ReportPeriod(r.FromDay, r.ToDay), r.GeneratedAtUtc))];
    }

    protected override string QueryOf(ReportPeriod period) => "date=" + period.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>A kept report in the list: made (with its time) or not.</summary>
internal sealed record GeneratedReportRow(Guid Id, string Kind, ReportPeriod Period, DateTime? GeneratedAtUtc);
