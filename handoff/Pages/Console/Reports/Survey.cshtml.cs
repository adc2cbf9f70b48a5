using System.Globalization;
using ConversationHub.Core.Audit;
using ConversationHub.Core.Calendar;
using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Identity;
using ConversationHub.Handoff.Resources;
using ConversationHub.Handoff.Survey;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Handoff.Pages.Console.Reports;

/// <summary>
/// 満足度調査の結果: for a period of Japan-time days (the last 30 by default) and optionally one channel, how many were
/// offered the survey, declined, consented and completed, and per item the count and share of each answer and the
/// five-level mean. Free-text answers may hold personal data: they are shown only on request and each showing is
/// audited as a view of personal data; the CSV export (with them) is audited as an export.
/// </summary>
[Authorize(Roles = HubRoles.Supervisor + "," + HubRoles.Administrator)]
internal sealed class SurveyReportModel(SurveyResults results, IStringLocalizer<SurveyStrings> strings, TimeProvider time) : PageModel
{
    private const int MaxDays = 366;

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Channel { get; set; }

    /// <summary>Show the free-text answers (a view of personal data).</summary>
    [BindProperty(SupportsGet = true)]
    public bool Texts { get; set; }

    public SurveyReport? Report { get; private set; }

    public string? Error { get; private set; }

    /// <summary>The channels a survey can be offered on (chats closed by an agent).</summary>
    public static IReadOnlyList<ConversationChannel> Channels { get; } = [ConversationChannel.WebChat, ConversationChannel.Line];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Selection() is not { } selection)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Report = await results.RunAsync(selection.From, selection.To, selection.Channel, Texts, cancellationToken);
        if (Texts)
        {
            await HttpContext.AuditAsync(AuditActions.TranscriptViewed, "survey_answers", Describe(Report));
        }

        return Page();
    }

    /// <summary>The same selection as CSV, free texts included (UTF-8 with BOM, so Excel reads the Japanese text).</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        if (Selection() is not { } selection)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var report = await results.RunAsync(selection.From, selection.To, selection.Channel, withTexts: true, cancellationToken);
        var output = new MemoryStream();
        await SurveyCsv.WriteAsync(output, report, cancellationToken);
        output.Position = 0;
        await HttpContext.AuditAsync(AuditActions.Exported, "survey_results", Describe(report));
        return File(output, "text/csv; charset=utf-8", $"survey-{report.From:yyyyMMdd}-{report.To:yyyyMMdd}.csv");
    }

    public string ChannelName(ConversationChannel channel) => strings["Channel_" + channel];

    private (DateOnly From, DateOnly To, ConversationChannel? Channel)? Selection()
    {
        var today = DateOnly.FromDateTime(JapanTime.ToJapan(time.GetUtcNow()).DateTime);
        var to = To ?? today;
        var from = From ?? to.AddDays(-29);
        if (to < from || to.DayNumber - from.DayNumber >= MaxDays)
        {
            Error = strings["Report_Error_Range"];
            return null;
        }

        ConversationChannel? channel = null;
        if (Channel is { Length: > 0 } name)
        {
            if (!Enum.TryParse<ConversationChannel>(name, ignoreCase: false, out var parsed) || !Channels.Contains(parsed))
            {
                Error = strings["Report_Error_Channel"];
                return null;
            }

            channel = parsed;
        }

        From = from;
        To = to;
        return (from, to, channel);
    }

    private static string Describe(SurveyReport report) => string.Create(CultureInfo.InvariantCulture,
        $"from={report.From:yyyy-MM-dd} to={report.To:yyyy-MM-dd} channel={report.Channel?.ToString() ?? "all"} texts={report.Items.Sum(i => i.Texts.Count)}");
}
