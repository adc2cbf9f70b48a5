using ConversationHub.Core.ContactEvents.Domain;
using ConversationHub.Core.ContactEvents.Figures;
using ConversationHub.Core.Operations;
using ConversationHub.Handoff.Resources;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ConversationHub.Handoff.Reports;

/// <summary>One service level of a period: its target, the actual share (null without data) and whether it was met.</summary>
internal sealed record SlaResult(string Key, decimal Target, decimal? Actual)
{
    /// <summary>Met (達成), missed (未達), or null when there is no data to judge.</summary>
    public bool? Met => Actual is { } actual ? actual >= Target : null;
}

/// <summary>
/// Computes the SLA of a period from the roll-up's figures and the platform's uptime records. A share whose
/// denominator is zero, or whose events no module records, is null: no data, never a made-up 100 %.
/// </summary>
internal sealed class SlaFigures(UptimeQuery uptime, IOptionsMonitor<ReportOptions> options, IStringLocalizer<ReportStrings> strings)
{
    public static readonly string[] Keys = ["AnswerRate", "FirstContactResolution", "AnsweredWithin10s", "Availability"];

    /// <summary>The four service levels of <paramref name="period"/>; <paramref name="perChannel"/> are the period's figures per channel.</summary>
    public async Task<IReadOnlyList<SlaResult>> ComputeAsync(ReportPeriod period, IReadOnlyList<ContactFigures> perChannel, CancellationToken cancellationToken)
    {
        var targets = options.CurrentValue.Sla;
        var answered = Sum(perChannel, f => f.Answered);
        var abandoned = Sum(perChannel, f => f.Abandoned);
        var within = Sum(perChannel, f => f.AnsweredWithin10s);
        // Escalations of cases staff typed in (Manual) came from no answered contact, so they do not count against it.
        var escalated = Sum(perChannel.Where(f => f.Channel != ContactChannel.Manual).ToList(), f => f.Escalated);
        var availability = await uptime.AvailabilityAsync(period.FromUtc, period.ToUtcExclusive, cancellationToken);
        return
        [
            new("AnswerRate", targets.AnswerRate, Share(answered, answered + abandoned)),
            new("FirstContactResolution", targets.FirstContactResolution, answered is > 0 && escalated is { } e ? Share(Math.Max(answered.Value - e, 0), answered) : null),
            new("AnsweredWithin10s", targets.AnsweredWithin10s, Share(within, answered)),
            new("Availability", targets.Availability, availability.Ratio is { } ratio ? Math.Round((decimal)ratio, 6) : null),
        ];
    }

    /// <summary>The SLA table: one row per service level with its target, actual and 達成/未達 (empty without data).</summary>
    public ReportTable Table(IReadOnlyList<SlaResult> results) => new(
        "sla", strings["SlaCaption"], strings["Column_Sla"], [strings["Column_Target"], strings["Column_Actual"], strings["Column_Met"]],
        [.. results.Select(r => new ReportLine(strings["Sla_" + r.Key], [r.Target, r.Actual, Verdict(r)]))], Note: strings["SlaNote"]);

    /// <summary>達成, 未達, or null when there is no data.</summary>
    public string? Verdict(SlaResult result) => result.Met switch
    {
        true => strings["Met"].Value,
        false => strings["NotMet"].Value,
        null => null,
    };

    private static int? Sum(IReadOnlyList<ContactFigures> figures, Func<ContactFigures, int?> pick) =>
        figures.Count == 0 || figures.All(f => pick(f) is not null) ? figures.Sum(f => pick(f) ?? 0) : null;

    private static decimal? Share(int? part, int? whole) =>
        part is { } p && whole is > 0 ? Math.Round((decimal)p / whole.Value, 6) : null;
}
