using ConversationHub.Core.ContactEvents.Figures;
using ConversationHub.Handoff.Reports;
using ConversationHub.Handoff.Reports.SelfService;

namespace ConversationHub.Host.ReportsBench;

/// <summary>
/// The reports <c>reports bench</c> times, one line each: add a report's builder here and the bench times it. Each runs
/// in a fresh DI scope (a fresh DbContext, as a request would) over the generated year.
/// </summary>
internal static class BenchedReports
{
    public static IReadOnlyList<BenchedReport> All { get; } =
    [
        new("daily report, one day", (s, y, ct) => Report(s, ReportKinds.Daily, new ReportPeriod(y.LastDay, y.LastDay), ReportViewer.Center, ct)),
        new("daily report, one department", (s, y, ct) => Report(s, ReportKinds.Daily, new ReportPeriod(y.LastDay, y.LastDay), new ReportViewer(false, y.Department), ct)),
        new("monthly report, the last whole month", (s, y, ct) => Report(s, ReportKinds.Monthly, ReportPeriod.Month(y.LastDay.AddMonths(-1)), ReportViewer.Center, ct)),
        new("final report, the whole year", (s, y, ct) => Report(s, ReportKinds.Final, new ReportPeriod(new DateOnly(y.FirstDay.Year, y.FirstDay.Month, 1), ReportPeriod.Month(y.LastDay).To), ReportViewer.Center, ct), YearTable: true),
        new("hourly figures, a year per channel (monthly table's input)", (s, y, ct) => s.GetRequiredService<IContactFigures>().HourlyAsync(new ContactFigureQuery(y.FirstDay, y.LastDay, PerChannel: true), ct), YearTable: true),
        new("self-service, a month", (s, y, ct) => s.GetRequiredService<SelfServiceReports>().BuildAsync(new SelfServiceQuery(y.LastDay.AddDays(-29), y.LastDay), ct)),
        new("self-service, a year by month", (s, y, ct) => s.GetRequiredService<SelfServiceReports>().BuildAsync(new SelfServiceQuery(y.FirstDay, y.LastDay, Grain: TrendGrain.Month), ct)),
        new("self-service, a year, voice, one department", (s, y, ct) => s.GetRequiredService<SelfServiceReports>().BuildAsync(
            new SelfServiceQuery(y.FirstDay, y.LastDay, Core.ContactEvents.Domain.ContactChannel.Voice, y.Department, Grain: TrendGrain.Month), ct)),
    ];

    private static Task<ReportDocument> Report(IServiceProvider services, string kind, ReportPeriod period, ReportViewer viewer, CancellationToken ct) =>
        services.GetServices<IReportDefinition>().Single(d => d.Kind == kind).BuildAsync(period, viewer, ct);
}

/// <summary>
/// A report the bench times: its name and how to build it in a scope for the generated year; <paramref name="YearTable"/>
/// marks a year's monthly table, held to the target (2 s on PostgreSQL, 5 s on SQLite).
/// </summary>
internal sealed record BenchedReport(string Name, Func<IServiceProvider, BenchYear, CancellationToken, Task> BuildAsync, bool YearTable = false);

/// <summary>The generated year: its first and last Japan-time days, and a department that has rows.</summary>
internal sealed record BenchYear(DateOnly FirstDay, DateOnly LastDay, Guid Department);
