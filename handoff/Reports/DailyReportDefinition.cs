using ConversationHub.Core.ContactEvents.Figures;
using ConversationHub.Handoff.Resources;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Handoff.Reports;

/// <summary>
/// 日次報告: per Japan-time hour and per channel, summed over the period's days (one working day and the closed days
/// before it, see <see cref="DailyPeriods"/>); the FAQ proposals of the period for the whole center's readers.
/// </summary>
internal sealed class DailyReportDefinition(IContactFigures figures, ReportFigureTables counts, ReportListTables lists, IStringLocalizer<ReportStrings> strings)
    : IReportDefinition
{
    public string Kind => ReportKinds.Daily;

    public async Task<ReportDocument> BuildAsync(ReportPeriod period, ReportViewer viewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(viewer);
        var hours = await figures.HourlyAsync(new ContactFigureQuery(period.From, period.To, DepartmentId: viewer.DepartmentId, PerChannel: true, ProgramId: viewer.ProgramId), cancellationToken);
        var tables = new List<ReportTable>
        {
            counts.PerHour("daily", strings["DailyCaption", period.Label], hours),
            counts.PerChannel("channels", strings["ChannelsCaption"], hours),
        };
        if (viewer.SeesCenterLists)
        {
            tables.Add(await lists.ProposalsAsync(period, cancellationToken));
        }

        return new ReportDocument(Kind, strings["DailyTitle"], period, tables);
    }
}
