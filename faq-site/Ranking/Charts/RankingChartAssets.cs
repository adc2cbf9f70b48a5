using System.Reflection;
using ConversationHub.Faq.Editor;
using ConversationHub.Faq.Site;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ConversationHub.Faq.Ranking.Charts;

/// <summary>
/// The chart scripts of the editors' console: Chart.js (npm, fetched and embedded at build time like the Web Chat
/// bundle, never committed) and ours that draws the 品質の推移 page from the numbers the page's tables hold.
/// Editors' pages only, so editors and administrators only.
/// </summary>
internal static class RankingChartAssets
{
    public static readonly string ChartJsVersion = typeof(RankingChartAssets).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "ChartJsVersion").Value!;

    public static string ChartJsPath => $"/console/faq/assets/chart-{ChartJsVersion}.js";

    public const string ChartsScriptPath = "/console/faq/assets/ranking-charts.js";

    private static readonly Lazy<EmbeddedAsset> ChartJs = new(() => EmbeddedAsset.Load("ConversationHub.Faq.chart.umd.min.js"));
    private static readonly Lazy<EmbeddedAsset> ChartsScript = new(() => EmbeddedAsset.Load("ConversationHub.Faq.ranking-charts.js"));

    public static IEndpointRouteBuilder MapRankingChartAssets(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ChartJsPath, (HttpContext context) => ChartJs.Value.Serve(context, immutable: true))
            .RequireAuthorization(policy => policy.RequireRole(FaqEditorRoles.EditorsAndAdministrators.Split(','))).ExcludeFromDescription();
        endpoints.MapGet(ChartsScriptPath, (HttpContext context) => ChartsScript.Value.Serve(context, immutable: false))
            .RequireAuthorization(policy => policy.RequireRole(FaqEditorRoles.EditorsAndAdministrators.Split(','))).ExcludeFromDescription();
        return endpoints;
    }
}
