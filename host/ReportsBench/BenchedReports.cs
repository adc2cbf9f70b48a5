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
        new("daily report, one day", (s, y, ct) => s.GetRequiredService<DailyReports>().BuildAsync(y.LastDay, null, ct)),
        new("daily report, one department", (s, y, ct) => s.GetRequiredService<DailyReports>().BuildAsync(y.LastDay, y.Department, ct)),
        new("hourly figures, a year per channel (monthly table's input)", (s, y, ct) => s.GetRequiredService<IContactFigures>().HourlyAsync(new ContactFigureQuery(y.FirstDay, y.LastDay, PerChannel: true), ct)),
        new("self-service, a month", (s, y, ct) => s.GetRequiredService<SelfServiceReports>().BuildAsync(new SelfServiceQuery(y.LastDay.AddDays(-29), y.LastDay), ct)),
        new("self-service, a year by month", (s, y, ct) => s.GetRequiredService<SelfServiceReports>().BuildAsync(new SelfServiceQuery(y.FirstDay, y.LastDay, Grain: TrendGrain.Month), ct)),
        new("self-service, a year, voice, one department", (s, y, ct) => s.GetRequiredService<SelfServiceReports>().BuildAsync(
            new SelfServiceQuery(y.FirstDay, y.LastDay, Core.ContactEvents.Domain.ContactChannel.Voice, y.Department, Grain: TrendGrain.Month), ct)),
    ];
}

/// <summary>A report the bench times: its name and how to build it in a scope for the generated year.</summary>
internal sealed record BenchedReport(string Name, Func<IServiceProvider, BenchYear, CancellationToken, Task> BuildAsync);

/// <summary>The generated year: its first and last Japan-time days, and a department that has rows.</summary>
internal sealed record BenchYear(DateOnly FirstDay, DateOnly LastDay, Guid Department);
