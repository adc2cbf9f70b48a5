using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace ConversationHub.Handoff.Reports;

/// <summary>
/// Reads a report's period from a request's query, the same way for the pages and the exports: the daily report by
/// <c>date=yyyy-MM-dd</c> (any day; the report covering it), the monthly by <c>month=yyyy-MM</c>, the final by
/// <c>from=yyyy-MM&amp;to=yyyy-MM</c>. Without them: the newest complete report.
/// </summary>
internal sealed class ReportRequests(DailyPeriods periods, Programs.ProgramCatalog programs)
{
    /// <summary>
    /// The program (施策) the report is filtered by, from <c>program=&lt;code&gt;</c>: none when absent or empty, or the
    /// resource key of the error when no program has the code.
    /// </summary>
    public async Task<(Programs.ProgramDefinition? Program, string? Error)> ProgramAsync(IQueryCollection query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var code = query["program"].ToString().Trim();
        if (code.Length == 0)
        {
            return (null, null);
        }

        return await programs.FindByCodeAsync(code, cancellationToken) is { } program ? (program, null) : (null, "BadProgram");
    }

    /// <summary>Every program, for the reports' program filter.</summary>
    public Task<List<Programs.ProgramDefinition>> ProgramsAsync(CancellationToken cancellationToken) => programs.ListAsync(cancellationToken);

    /// <summary>The period asked for, or the resource key of the error (the request is then refused and nothing is built).</summary>
    public (ReportPeriod? Period, string? Error) Parse(string kind, IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var lastMonth = ReportPeriod.Month(periods.Yesterday.AddDays(1).AddMonths(-1)).From;
        try
        {
            switch (kind)
            {
                case ReportKinds.Daily:
                    var date = query["date"].ToString();
                    if (date.Length == 0)
                    {
                        return (periods.LatestComplete(periods.Yesterday), null);
                    }

                    return DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                        ? (periods.Covering(day), null)
                        : (null, "BadDate");
                case ReportKinds.Monthly:
                    return Month(query["month"].ToString(), lastMonth) is { } month ? (ReportPeriod.Month(month), null) : (null, "BadMonth");
                case ReportKinds.Final:
                    var from = Month(query["from"].ToString(), lastMonth.AddMonths(-11));
                    var to = Month(query["to"].ToString(), lastMonth);
                    if (from is null || to is null || to < from || (to.Value.Year - from.Value.Year) * 12 + to.Value.Month - from.Value.Month >= FinalReportDefinition.MaxMonths)
                    {
                        return (null, "BadMonths");
                    }

                    return (new ReportPeriod(from.Value, ReportPeriod.Month(to.Value).To), null);
                default:
                    return (null, "BadKind");
            }
        }
        catch (ArgumentOutOfRangeException)
        {
            // The business calendar knows the years of its holiday rules only.
            return (null, "OutOfCalendar");
        }
    }

    private static DateOnly? Month(string text, DateOnly fallback) =>
        text.Length == 0 ? fallback
        : DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) ? month : null;
}
