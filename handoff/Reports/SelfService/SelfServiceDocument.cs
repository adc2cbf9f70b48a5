using System.Globalization;
using ConversationHub.Handoff.Resources;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Handoff.Reports.SelfService;

/// <summary>
/// The self-service report as a <see cref="ReportDocument"/>, so its download is written by the reports' own CSV and
/// .xlsx writers (<see cref="ReportExport"/>): the tables the page shows, in its order and with its captions. A table
/// the report leaves out (the center-wide figures for a department or a program) is left out here too.
/// </summary>
internal static class SelfServiceDocument
{
    /// <summary>The report kind in file names and the audit log.</summary>
    public const string Kind = "self-service";

    private static readonly CultureInfo Japanese = CultureInfo.GetCultureInfo("ja-JP");

    public static ReportDocument Of(SelfServiceReport report, IStringLocalizer<SelfServiceReportStrings> s)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(s);
        var top = SelfServiceQuery.Top;
        var tables = new List<ReportTable>();
        if (report.BotResolved is { } bot)
        {
            tables.Add(new ReportTable(
                "bot-resolved", s["SelfService_BotCaption"], s["SelfService_Col_Channel"],
                [s["SelfService_Col_Arrived"], s["SelfService_Col_BotConversations"], s["SelfService_Col_HandedOff"], s["SelfService_Col_Resolved"], s["SelfService_Col_Share"]],
                [.. bot.Where(r => r.Channel is not null).Select(r => BotLine(s["SelfService_Channel_" + r.Channel], r))],
                bot.Where(r => r.Channel is null).Select(r => BotLine(s["SelfService_Total"], r)).FirstOrDefault()));
        }

        if (report.TopFaqs is { } faqs)
        {
            tables.Add(Ranking("top-faqs", s["SelfService_TopFaqsCaption", top], s["SelfService_Col_Faq"], [s["SelfService_Col_Answers"]],
                faqs.Select(f => new ReportLine(Title(f.Title, s), [f.Answers]))));
        }

        if (report.SearchTerms is { } terms)
        {
            tables.Add(Ranking("search-terms", s["SelfService_SearchTermsCaption", top], s["SelfService_Col_Term"], [s["SelfService_Col_Searches"], s["SelfService_Col_NoResult"]],
                terms.Select(t => new ReportLine(t.Term, [t.Searches, t.NoResult]))));
        }

        if (report.Misses is { } misses)
        {
            tables.Add(Ranking("search-misses", s["SelfService_MissesCaption", top], s["SelfService_Col_Term"], [s["SelfService_Col_Misses"], s["SelfService_Col_ZeroHit"]],
                misses.Select(t => new ReportLine(t.Term, [t.Searches, t.NoResult]))));
        }

        if (report.Ratings is { } ratings)
        {
            tables.Add(Ranking("faq-ratings", s["SelfService_RatingsCaption", top], s["SelfService_Col_Faq"],
                [s["SelfService_Col_Helpful"], s["SelfService_Col_NotHelpful"], s["SelfService_Col_HelpfulShare"]],
                ratings.Select(r => new ReportLine(Title(r.Title, s), [r.Helpful, r.NotHelpful, Ratio(r.Helpful, r.Helpful + r.NotHelpful)]))));
        }

        if (report.Views is { } views)
        {
            tables.Add(Ranking("faq-views", s["SelfService_ViewsCaption", top], s["SelfService_Col_Faq"], [s["SelfService_Col_Views"]],
                views.Select(v => new ReportLine(Title(v.Title, s), [v.Count]))));
        }

        var trend = report.Trend;
        var month = report.Query.Grain == TrendGrain.Month;
        tables.Add(new ReportTable(
            "case-trend", s["SelfService_TrendCaption"], s["SelfService_Col_Category"],
            [.. trend.Periods.Select(p => month ? s["SelfService_MonthOf", p.ToString("yyyy年M月", Japanese)].Value : s["SelfService_WeekOf", p.ToString("M/d", Japanese)].Value),
                s["SelfService_Total"]],
            [.. trend.Rows.Select(r => new ReportLine(r.CategoryId is null ? s["SelfService_Uncategorised"] : r.Category, [.. r.Counts.Cast<object?>(), r.Total]))],
            new ReportLine(s["SelfService_Total"], [.. trend.Totals.Cast<object?>(), trend.Totals.Sum()])));
        return new ReportDocument(Kind, s["SelfService_Title"], new ReportPeriod(report.Query.FromJst, report.Query.ToJst), tables);
    }

    private static ReportLine BotLine(string head, BotResolvedRow row) =>
        new(head, [row.Arrived, row.BotConversations, row.HandedOff, row.Resolved, Ratio(row.Resolved, row.Arrived)]);

    private static ReportTable Ranking(string key, string caption, string head, IReadOnlyList<string> columns, IEnumerable<ReportLine> rows) =>
        new(key, caption, head, columns, [.. rows]);

    private static string Title(string title, IStringLocalizer<SelfServiceReportStrings> s) => title.Length == 0 ? s["SelfService_Deleted"] : title;

    // A share as the report writers expect it (0–1), or nothing when there is nothing to divide by.
    private static decimal? Ratio(int part, int whole) => whole == 0 ? null : (decimal)part / whole;
}
