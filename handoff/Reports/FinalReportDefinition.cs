using ConversationHub.Core.ContactEvents.Figures;
using ConversationHub.Handoff.Resources;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Handoff.Reports;

/// <summary>
/// 完了報告: the monthly tables over a span of whole months: the counts per month with the period's totals, the SLA of
/// each month (target, actual, 達成/未達), per channel and per department over the period; for the whole center's readers
/// also the FAQ proposals per month and the access changes of the period.
/// </summary>
internal sealed class FinalReportDefinition(
    IContactFigures figures, ReportFigureTables counts, ReportListTables lists, SlaFigures sla, IStringLocalizer<ReportStrings> strings) : IReportDefinition
{
    /// <summary>The longest span a final report covers (a contract's term).</summary>
    public const int MaxMonths = 60;

    public string Kind => ReportKinds.Final;

    public async Task<ReportDocument> BuildAsync(ReportPeriod period, ReportViewer viewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(viewer);
        var months = MonthsOf(period);
        var hours = await figures.HourlyAsync(new ContactFigureQuery(period.From, period.To, DepartmentId: viewer.DepartmentId, PerChannel: true, ProgramId: viewer.ProgramId), cancellationToken);
        var tables = new List<ReportTable>
        {
            counts.PerMonth("months", strings["MonthsCaption", period.Label], months, hours),
            counts.PerChannel("channels", strings["ChannelsCaption"], hours),
            await lists.DepartmentsAsync(period, viewer.DepartmentId, viewer.ProgramId, cancellationToken),
        };
        if (viewer.SeesCenter)
        {
            tables.Insert(1, await SlaPerMonthAsync(months, hours, cancellationToken));
        }

        if (viewer.SeesCenterLists)
        {
            var proposals = await lists.ProposalsAsync(period, cancellationToken);
            tables.Add(ProposalsPerMonth(months, proposals));
            tables.Add(await lists.AccessChangesAsync(period, cancellationToken));
        }

        return new ReportDocument(Kind, strings["FinalTitle"], period, tables);
    }

    /// <summary>The first day of each month of the period.</summary>
    public static IReadOnlyList<DateOnly> MonthsOf(ReportPeriod period)
    {
        var months = new List<DateOnly>();
        for (var m = new DateOnly(period.From.Year, period.From.Month, 1); m <= period.To; m = m.AddMonths(1))
        {
            months.Add(m);
        }

        return months;
    }

    private async Task<ReportTable> SlaPerMonthAsync(IReadOnlyList<DateOnly> months, IReadOnlyList<ContactFigures> hours, CancellationToken cancellationToken)
    {
        var lines = new List<ReportLine>();
        foreach (var month in months)
        {
            var period = ReportPeriod.Month(month);
            var inMonth = hours.Where(h => h.HourJst.Year == month.Year && h.HourJst.Month == month.Month).ToList();
            var results = await sla.ComputeAsync(period, inMonth, cancellationToken);
            lines.Add(new ReportLine(ReportPeriod.MonthLabel(month), [.. results.SelectMany(r => new object?[] { r.Actual, sla.Verdict(r) })]));
        }

        var columns = SlaFigures.Keys.SelectMany(k => new[] { strings["Sla_" + k].Value, strings["Column_Met"].Value }).ToList();
        return new ReportTable("sla-months", strings["SlaMonthsCaption"], strings["Column_Month"], columns, lines, Note: strings["SlaNote"]);
    }

    private ReportTable ProposalsPerMonth(IReadOnlyList<DateOnly> months, ReportTable proposals)
    {
        // The proposals table's row heads are Japan-time "yyyy-MM-dd HH:mm".
        var counts = months.Select(m => new ReportLine(ReportPeriod.MonthLabel(m),
            [proposals.Rows.Count(r => r.Head.StartsWith(m.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))])).ToList();
        return new ReportTable("proposals", strings["ProposalsPerMonthCaption"], strings["Column_Month"], [strings["Column_Count"]], counts,
            new ReportLine(strings["Total"], [proposals.Rows.Count]));
    }
}
