using System.Globalization;
using ConversationHub.Core.Persistence;
using ConversationHub.Handoff.Reports;
using ConversationHub.Handoff.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Handoff.Pages.Console.Reports;

/// <summary>The monthly report (<c>/console/reports/monthly?month=yyyy-MM</c>, 月次報告); last month without a month.</summary>
[Authorize(Roles = ReportViewer.Roles)]
internal sealed class ReportsMonthlyModel(
    IEnumerable<IReportDefinition> definitions, ReportRequests requests, HubDbContext hub, IStringLocalizer<ReportStrings> strings)
    : ReportPageModel(ReportKinds.Monthly, definitions, requests, hub, strings)
{
    protected override string QueryOf(ReportPeriod period) => "month=" + period.From.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
