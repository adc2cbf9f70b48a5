using System.Globalization;
using ConversationHub.Core.Calendar;
using ConversationHub.Core.ContactEvents.Domain;
using ConversationHub.Handoff.Programs;
using ConversationHub.Handoff.Resources;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Handoff.Reports.SelfService;

/// <summary>
/// Reads the self-service report's query the same way for the page and the export: <c>from</c>/<c>to</c> (Japan-time
/// days, the last 30 days to yesterday by default), <c>channel</c>, <c>department</c>, <c>category</c>,
/// <c>program</c> (a program's code) and <c>per=week|month</c>. Department staff get their department whatever the
/// query says.
/// </summary>
internal sealed class SelfServiceRequests(
    ReportRequests requests, TimeProvider time, IStringLocalizer<SelfServiceReportStrings> strings, IStringLocalizer<ReportStrings> reportStrings)
{
    /// <summary>The query and its program, or the Japanese message that says what is wrong (nothing is built then).</summary>
    public async Task<(SelfServiceQuery? Query, ProgramDefinition? Program, string? Error)> ParseAsync(
        IQueryCollection query, ReportViewer viewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(viewer);
        var (from, to) = Period(query);
        if (!TryDay(from, out var fromDay) || !TryDay(to, out var toDay))
        {
            return (null, null, strings["SelfService_BadDate"]);
        }

        if (toDay < fromDay || toDay.DayNumber - fromDay.DayNumber >= SelfServiceQuery.MaxDays)
        {
            return (null, null, strings["SelfService_BadPeriod", SelfServiceQuery.MaxDays]);
        }

        var channel = query["channel"].ToString();
        ContactChannel? contactChannel = null;
        if (channel.Length > 0)
        {
            if (!Enum.TryParse<ContactChannel>(channel, ignoreCase: false, out var parsed) || !Enum.IsDefined(parsed))
            {
                return (null, null, strings["SelfService_BadFilter"]);
            }

            contactChannel = parsed;
        }

        var per = query["per"].ToString();
        if (!TryId(query["department"].ToString(), out var departmentId) || !TryId(query["category"].ToString(), out var categoryId)
            || per is not ("" or "week" or "month"))
        {
            return (null, null, strings["SelfService_BadFilter"]);
        }

        var (program, programError) = await requests.ProgramAsync(query, cancellationToken);
        if (programError is not null)
        {
            return (null, null, reportStrings["Error_" + programError]);
        }

        var grain = per == "month" || (per.Length == 0 && toDay.DayNumber - fromDay.DayNumber > 92) ? TrendGrain.Month : TrendGrain.Week;
        // Department staff see their department whatever the address says.
        var scope = viewer.SeesCenter ? departmentId : viewer.DepartmentId;
        return (new SelfServiceQuery(fromDay, toDay, contactChannel, scope, categoryId, program?.Id, grain), program, null);
    }

    /// <summary>The period as asked, or the default one (the 30 days to yesterday), as <c>yyyy-MM-dd</c> texts.</summary>
    public (string From, string To) Period(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var yesterday = DateOnly.FromDateTime(JapanTime.ToJapan(time.GetUtcNow()).DateTime).AddDays(-1);
        var (from, to) = (query["from"].ToString(), query["to"].ToString());
        return (from.Length > 0 ? from : Iso(yesterday.AddDays(-29)), to.Length > 0 ? to : Iso(yesterday));
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static bool TryDay(string text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    private static bool TryId(string text, out Guid? id)
    {
        id = null;
        if (text.Length == 0)
        {
            return true;
        }

        if (!Guid.TryParse(text, out var parsed))
        {
            return false;
        }

        id = parsed;
        return true;
    }
}
