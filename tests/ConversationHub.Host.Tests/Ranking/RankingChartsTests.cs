using System.Net;
using ConversationHub.Faq.Persistence;
using ConversationHub.Faq.Ranking.History;
using ConversationHub.Faq.Ranking.Judgements;
using ConversationHub.Faq.Search.Tally;
using ConversationHub.Host.Tests.FaqSite;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.Ranking;

/// <summary>
/// 品質の推移 (issue 17): the table under each chart holds the numbers the database has — models' held-out quality,
/// this week's judgements by source, and the questions asked and answered confidently, counted from real searches.
/// </summary>
public abstract class RankingChartsTests(HostFixture fixture)
{
    private const string Page = "/console/faq/ranking/charts";

    private HubHost Host => fixture.Host;

    [Fact]
    public async Task Page_TablesHoldTheCountedNumbers()
    {
        var ct = TestTimeout.Token(60);
        var faq = await FaqTestData.CreateAsync(Host, ct, question: "グラフ確認用の粗大ごみの出し方", answer: "粗大ごみは申込制です。グラフ確認用。");
        await FaqTestData.IndexAsync(Host, ct, faq.Id);
        await using (var scope = Host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FaqDbContext>();
            var now = DateTime.UtcNow;
            db.RankingJudgements.AddRange(
                new RankingJudgement(JudgementSource.SearchClick, "粗大ごみ", faq.Id, 1, 1, null, null, now),
                new RankingJudgement(JudgementSource.SearchClick, "粗大ごみ 出し方", faq.Id, 1, 2, null, null, now),
                new RankingJudgement(JudgementSource.AgentConfirmed, "粗大ごみ 申込", faq.Id, 2, null, Guid.NewGuid(), null, now));
            db.RankingModels.Add(new RankingModelRecord("{}", null, null, 17, 0.6123, 0.5001, now));
            await db.SaveChangesAsync(ct);
        }

        using var citizen = Host.CreateBrowserClient();
        // Two confident questions and one that matches nothing.
        foreach (var query in new[] { "グラフ確認用の粗大ごみの出し方", "グラフ確認用 粗大ごみ 申込制", "zzqqxxvvkkjj" })
        {
            using var response = await citizen.GetAsync(new Uri($"/api/faq/search?q={Uri.EscapeDataString(query)}", UriKind.Relative), ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await Host.Services.GetRequiredService<FaqQuestionTallyWriterService>().FlushAsync(ct);
        using var editor = await Host.SignInAsync("faq-editor", ct);

        var html = await editor.GetStringAsync(new Uri(Page, UriKind.Relative), ct);

        Assert.Contains("<td>0.6123</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>0.5001</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>17</td>", html, StringComparison.Ordinal);
        var thisWeek = Section(html, "table-judgements").Split("<tr>").Last();
        Assert.Contains("検索結果のクリック", html, StringComparison.Ordinal);
        Assert.Contains("<td>2</td>", thisWeek, StringComparison.Ordinal);
        Assert.Contains("<td>3</td>", thisWeek, StringComparison.Ordinal);
        var questions = Section(html, "table-confident").Split("<tr>").Last();
        // Week, questions 3, confident 2, 66.7 %, and 3 of them on the API channel.
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(questions, @"<td>3</td>\s*<td>2</td>\s*<td>66\.7%</td>"), questions);
        Assert.Contains("/console/faq/assets/chart-", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_OperatorDenied_AnonymousSentToSignIn_ScriptsForEditorsOnly()
    {
        var ct = TestTimeout.Token(60);
        using var operatorClient = await Host.SignInAsync("operator", ct);
        using var anonymous = Host.CreateBrowserClient();
        using var editor = await Host.SignInAsync("admin", ct);

        using var denied = await operatorClient.GetAsync(new Uri(Page, UriKind.Relative), ct);
        using var signIn = await anonymous.GetAsync(new Uri(Page, UriKind.Relative), ct);
        var page = await editor.GetStringAsync(new Uri(Page, UriKind.Relative), ct);
        var chartJs = System.Text.RegularExpressions.Regex.Match(page, "src=\"(/console/faq/assets/chart-[^\"]+)\"").Groups[1].Value;
        using var script = await editor.GetAsync(new Uri(chartJs, UriKind.Relative), ct);
        using var scriptForOperator = await operatorClient.GetAsync(new Uri(chartJs, UriKind.Relative), ct);

        Assert.True(HubHost.IsRedirectTo(denied, "/account/denied"), denied.StatusCode.ToString());
        Assert.True(HubHost.IsRedirectTo(signIn, "/account/login"), signIn.StatusCode.ToString());
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.NotEqual(HttpStatusCode.OK, scriptForOperator.StatusCode);
    }

    private static string Section(string html, string tableId)
    {
        var start = html.IndexOf($"id=\"{tableId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, tableId);
        return html[start..html.IndexOf("</table>", start, StringComparison.Ordinal)];
    }
}

public sealed class SqliteRankingChartsTests(SqliteHostFixture fixture) : RankingChartsTests(fixture), IClassFixture<SqliteHostFixture>;

public sealed class PostgresRankingChartsTests(PostgresHostFixture fixture) : RankingChartsTests(fixture), IClassFixture<PostgresHostFixture>;
