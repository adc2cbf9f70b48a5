using System.Globalization;
using System.Text.Json;
using ConversationHub.Faq.Editor;
using ConversationHub.Faq.Ranking.Charts;
using ConversationHub.Faq.Ranking.Judgements;
using ConversationHub.Faq.Resources;
using ConversationHub.Faq.Site;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Faq.Pages.Console.Faq.Ranking;

/// <summary>
/// 品質の推移: quality per model version, judgements per week by source, and the share of questions answered with a
/// confident first answer per week. Each chart has a table of the same numbers (screen readers, and without JavaScript).
/// </summary>
[Authorize(Roles = FaqEditorRoles.EditorsAndAdministrators)]
internal sealed class ChartsModel(RankingChartsQuery query, IStringLocalizer<FaqEditorStrings> strings) : PageModel
{
    public RankingCharts Charts { get; private set; } = null!;

    /// <summary>The sources that occur in the weeks shown (a column per source; the rest would be all zeros).</summary>
    public IReadOnlyList<JudgementSource> Sources { get; private set; } = [];

    /// <summary>The charts' series as JSON for <c>ranking-charts.js</c>, which reads it from a data element.</summary>
    public string ChartDataJson { get; private set; } = "{}";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Charts = await query.ExecuteAsync(cancellationToken);
        Sources = [.. Enum.GetValues<JudgementSource>().Where(s => Charts.Judgements.Any(w => w.BySource[s] > 0))];
        ChartDataJson = JsonSerializer.Serialize(new
        {
            models = new
            {
                labels = Charts.Models.Select(ModelLabel),
                series = new[]
                {
                    new { label = strings["Charts_NewModel"].Value, data = Charts.Models.Select(m => (double?)Math.Round(m.HeldOutNdcg, 4)) },
                    new { label = strings["Charts_Previous"].Value, data = Charts.Models.Select(m => m.PreviousHeldOutNdcg is { } p ? (double?)Math.Round(p, 4) : null) },
                },
            },
            judgements = new
            {
                labels = Charts.Weeks.Select(WeekLabel),
                series = Sources.Select(s => new { label = SourceName(s), data = Charts.Judgements.Select(w => w.BySource[s]) }),
            },
            confident = new
            {
                labels = Charts.Weeks.Select(WeekLabel),
                series = new[] { new { label = strings["Charts_ConfidentShare"].Value, data = Charts.Questions.Select(w => w.Share is { } s ? (double?)Math.Round(100 * s, 1) : null) } },
            },
        });
    }

    public string ModelLabel(ModelQuality model) => strings["Charts_ModelLabel", model.Id, JapanDate.Format(model.CreatedAtUtc)];

    public static string WeekLabel(DateOnly week) => week.ToString("M/d", CultureInfo.InvariantCulture) + "〜";

    // The review queue's names of the sources, so both tabs say the same.
    public string SourceName(JudgementSource source) => strings["Review_Source_" + JudgementSourceNames.ToStored(source)];

    public static string Ndcg(double? value) => value is { } v ? v.ToString("0.0000", CultureInfo.InvariantCulture) : "—";

    public static string Percent(double? share) => share is { } s ? (100 * s).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";
}
