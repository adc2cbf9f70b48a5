using ConversationHub.Core.ContactEvents.Figures;
using ConversationHub.Handoff.Resources;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Handoff.Reports;

/// <summary>
/// 月次報告: the month's counts per day and per channel, the hour × weekday heat map, transfers and escalations per
/// department; for the whole center's readers also the SLA table, the FAQ proposals and the staff accounts' access changes.
/// </summary>
internal sealed class MonthlyReportDefinition(
    IContactFigures figures, ReportFigureTables counts, ReportListTables lists, SlaFigures sla, IStringLocalizer<ReportStrings> strings) : IReportDefinition
{
    public string Kind => ReportKinds.Monthly;

    public async Task<ReportDocument> BuildAsync(ReportPeriod period, ReportViewer viewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(viewer);
        var hours = await figures.HourlyAsync(new ContactFigureQuery(period.From, period.To, DepartmentId: viewer.DepartmentId, PerChannel: true, ProgramId: viewer.ProgramId), cancellationToken);
        var tables = new List<ReportTable>
        {
            counts.PerDay("days", strings["DaysCaption", ReportPeriod.MonthLabel(period.From)], period, hours),
            counts.PerChannel("channels", strings["ChannelsCaption"], hours),
            await lists.DepartmentsAsync(period, viewer.DepartmentId, viewer.ProgramId, cancellationToken),
            counts.HeatMap("heatmap", strings["HeatMapCaption"], hours),
        };
        if (viewer.SeesCenter)
        {
            tables.Insert(0, sla.Table(await sla.ComputeAsync(period, hours, cancellationToken)));
        }

        if (viewer.SeesCenterLists)
        {
            tables.Add(await lists.ProposalsAsync(period, cancellationToken));
            tables.Add(await lists.AccessChangesAsync(period, cancellationToken));
        }

        return new ReportDocument(Kind, strings["MonthlyTitle"], period, tables);
    }
}
