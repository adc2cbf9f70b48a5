using System.Globalization;
using ConversationHub.Core.ContactEvents.Domain;
using ConversationHub.Core.ContactEvents.Figures;
using ConversationHub.Handoff.Resources;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Handoff.Reports;

/// <summary>
/// Turns the roll-up's hourly figures (per channel) into the reports' count tables: per hour, per day, per month, per
/// channel, and the hour × weekday heat map. The figures are read once per report; every table sums the same rows.
/// </summary>
internal sealed class ReportFigureTables(IStringLocalizer<ReportStrings> strings)
{
    /// <summary>The count columns, in the tables' order.</summary>
    public static readonly string[] Columns =
        ["Arrived", "BotAnswered", "HandedOff", "Answered", "AnsweredWithin10s", "Abandoned", "Transferred", "Escalated", "Closed", "Congestion", "SatisfactionCount"];

    private static readonly CultureInfo Japanese = CultureInfo.GetCultureInfo("ja-JP");

    // Monday first, as the city's calendars are printed.
    private static readonly DayOfWeek[] Weekdays =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public IReadOnlyList<string> Headers => [.. Columns.Select(c => strings["Column_" + c].Value)];

    /// <summary>One row per Japan-time hour of the period's days, summed over its days.</summary>
    public ReportTable PerHour(string key, string caption, IReadOnlyList<ContactFigures> figures)
    {
        var byHour = figures.ToLookup(f => f.HourJst.Hour);
        var rows = Enumerable.Range(0, 24).Select(h => Line(strings["HourRange", h, h + 1], h, [.. byHour[h]])).ToList();
        return Table(key, caption, strings["Column_Hour"], rows, figures);
    }

    /// <summary>One row per day of the period.</summary>
    public ReportTable PerDay(string key, string caption, ReportPeriod period, IReadOnlyList<ContactFigures> figures)
    {
        var byDay = figures.ToLookup(f => DateOnly.FromDateTime(f.HourJst.DateTime));
        var rows = period.Days.Select(d => Line(d.ToString("M月d日（ddd）", Japanese), null, [.. byDay[d]])).ToList();
        return Table(key, caption, strings["Column_Day"], rows, figures);
    }

    /// <summary>One row per calendar month of the period.</summary>
    public ReportTable PerMonth(string key, string caption, IReadOnlyList<DateOnly> months, IReadOnlyList<ContactFigures> figures)
    {
        var byMonth = figures.ToLookup(f => new DateOnly(f.HourJst.Year, f.HourJst.Month, 1));
        var rows = months.Select(m => Line(ReportPeriod.MonthLabel(m), null, [.. byMonth[m]])).ToList();
        return Table(key, caption, strings["Column_Month"], rows, figures);
    }

    /// <summary>One row per channel that has figures in the period (the figures must be per channel).</summary>
    public ReportTable PerChannel(string key, string caption, IReadOnlyList<ContactFigures> figures)
    {
        var byChannel = figures.ToLookup(f => f.Channel);
        var rows = Enum.GetValues<ContactChannel>()
            .Select(c => Line(strings["Channel_" + c], null, [.. byChannel[c]])).ToList();
        return Table(key, caption, strings["Column_Channel"], rows, figures);
    }

    /// <summary>Arrivals per hour (rows) and weekday (columns), for the heat map.</summary>
    public ReportTable HeatMap(string key, string caption, IReadOnlyList<ContactFigures> figures)
    {
        var cells = figures.GroupBy(f => (f.HourJst.Hour, f.HourJst.DayOfWeek)).ToDictionary(g => g.Key, g => g.Sum(f => f.Arrived ?? 0));
        var recorded = ContactEventProducers.IsRecorded(ContactEventKind.Arrived);
        var rows = Enumerable.Range(0, 24).Select(h => new ReportLine(
            strings["HourRange", h, h + 1],
            [.. Weekdays.Select(d => recorded ? (object?)cells.GetValueOrDefault((h, d)) : null)])).ToList();
        return new ReportTable(key, caption, strings["Column_Hour"], [.. Weekdays.Select(d => Japanese.DateTimeFormat.GetAbbreviatedDayName(d))], rows,
            Note: strings["HeatMapNote"]);
    }

    /// <summary>The cells of <paramref name="row"/>, in <see cref="Columns"/> order.</summary>
    public static object?[] Cells(ReportRow row) =>
        [row.Arrived, row.BotAnswered, row.HandedOff, row.Answered, row.AnsweredWithin10s, row.Abandoned, row.Transferred, row.Escalated, row.Closed, row.Congestion, row.SatisfactionCount];

    private ReportTable Table(string key, string caption, string rowHeader, IReadOnlyList<ReportLine> rows, IReadOnlyList<ContactFigures> all) =>
        new(key, caption, rowHeader, Headers, rows, new ReportLine(strings["Total"], Cells(ReportRow.Of(null, [.. all]))), strings["EmptyMeansNotRecorded"]);

    private static ReportLine Line(string head, int? hour, IReadOnlyCollection<ContactFigures> figures) => new(head, Cells(ReportRow.Of(hour, figures)));
}
