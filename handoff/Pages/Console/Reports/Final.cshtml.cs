using System.Globalization;
using ConversationHub.Core.Persistence;
using ConversationHub.Handoff.Reports;
using ConversationHub.Handoff.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Handoff.Pages.Console.Reports;

/// <summary>
/// The final report (<c>/console/reports/final?from=yyyy-MM&amp;to=yyyy-MM</c>, 完了報告): the monthly tables of each
/// month of the span with its totals; the last twelve months without a span.
/// </summary>
[Authorize(Roles = ReportViewer.Roles)]
internal sealed class ReportsFinalModel(
    IEnumerable<IReportDefinition> definitions, ReportRequests requests, HubDbContext hub, IStringLocalizer<ReportStrings> strings)
    : ReportPageModel(ReportKinds.Final, definitions, requests, hub, strings)
{
    protected override string QueryOf(ReportPeriod period) =>
        $"from={period.From.ToString("yyyy-MM", CultureInfo.InvariantCulture)}&to={period.To.ToString("yyyy-MM", CultureInfo.InvariantCulture)}";
}
