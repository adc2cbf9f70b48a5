using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using ConversationHub.Core.Audit;
using ConversationHub.Core.Persistence;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.Survey;

/// <summary>
/// The survey's results (<c>/console/reports/survey</c>): the counts of a period, each item's distribution and mean, the
/// channel filter, free texts only on request (audited), and the CSV export (BOM, formula guard, audited).
/// </summary>
public abstract partial class SurveyReportPageTests(DatabaseProvider provider)
{
    [Fact]
    public async Task Results_Yesterday_CountsDistributionsMeanAndChannelFilter()
    {
        // Arrange
        var ct = TestTimeout.Token(120);
        await using var host = await HubHost.StartAsync(provider, cancellationToken: ct);
        var day = (await SurveyTestData.SeedAsync(host, ct)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var supervisor = await host.SignInAsync("supervisor", ct);
        using var operatorClient = await host.SignInAsync("operator", ct);

        // Act
        var all = await supervisor.GetStringAsync(new Uri($"/console/reports/survey?from={day}&to={day}", UriKind.Relative), ct);
        var line = await supervisor.GetStringAsync(new Uri($"/console/reports/survey?from={day}&to={day}&channel=Line", UriKind.Relative), ct);
        using var refused = await operatorClient.GetAsync(new Uri("/console/reports/survey", UriKind.Relative), ct);
        using var badChannel = await supervisor.GetAsync(new Uri("/console/reports/survey?channel=Fax", UriKind.Relative), ct);

        // Assert: 5 offered, 1 declined, 3 consented (one timed out while answering), 2 completed.
        Assert.Equal(["5", "1", "3", "2"], Cells(all, "案内した件数", "同意しなかった件数", "同意した件数", "最後まで回答した件数"));
        Assert.Equal(["2", "66.7%"], RowOf(all, "30代"));
        Assert.Equal(["1", "33.3%"], RowOf(all, "20代"));
        Assert.Equal(["0", "0.0%"], RowOf(all, "80代以上"));
        Assert.Equal(["1", "50.0%"], RowOf(all, "とても満足"));
        Assert.Equal(["0", "0.0%"], RowOf(all, "とても不満"));
        Assert.Contains("平均 4.50", all, StringComparison.Ordinal);
        Assert.DoesNotContain("説明が丁寧でした", all, StringComparison.Ordinal);
        Assert.Equal(["2", "0", "1", "0"], Cells(line, "案内した件数", "同意しなかった件数", "同意した件数", "最後まで回答した件数"));
        Assert.Equal(["1", "100.0%"], RowOf(line, "20代"));
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/account/denied", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badChannel.StatusCode);
    }

    [Fact]
    public async Task Results_FreeTextsAndCsv_DecryptedOnRequestGuardedAndAudited()
    {
        // Arrange
        var ct = TestTimeout.Token(120);
        await using var host = await HubHost.StartAsync(provider, cancellationToken: ct);
        var day = (await SurveyTestData.SeedAsync(host, ct)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var admin = await host.SignInAsync("admin", ct);

        // Act
        var texts = await admin.GetStringAsync(new Uri($"/console/reports/survey?from={day}&to={day}&texts=true", UriKind.Relative), ct);
        using var csv = await admin.GetAsync(new Uri($"/console/reports/survey?handler=csv&from={day}&to={day}", UriKind.Relative), ct);
        var bytes = await csv.Content.ReadAsByteArrayAsync(ct);

        // Assert: the free text decrypted on the page; the CSV with BOM, figures and the guarded text; both audited.
        Assert.Contains("説明が丁寧でした", System.Net.WebUtility.HtmlDecode(texts), StringComparison.Ordinal);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("kind,item,question,answer,count,percent,mean,answered_at_jst,channel", lines[0]);
        Assert.Contains("summary,,,offered,5,,,,", lines);
        Assert.Contains("summary,,,completed,2,,,,", lines);
        Assert.Contains("option,age,年代を教えてください。,30代,2,66.7,,,", lines);
        Assert.Contains(lines, l => l.StartsWith("item,satisfaction,", StringComparison.Ordinal) && l.EndsWith(",2,,4.5,,", StringComparison.Ordinal));
        var text = Assert.Single(lines, l => l.StartsWith("text,reason,", StringComparison.Ordinal));
        Assert.Contains("\"'=HYPERLINK(\"\"x\"\") 説明が丁寧でした\"", text, StringComparison.Ordinal);
        Assert.EndsWith(",WebChat", text, StringComparison.Ordinal);
        await using var scope = host.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<HubDbContext>().AuditLog.AsNoTracking()
            .Where(e => e.Target == "survey_answers" || e.Target == "survey_results").Select(e => e.Action).ToListAsync(ct);
        Assert.Equal([AuditActions.Exported, AuditActions.TranscriptViewed], audit.Order(StringComparer.Ordinal));
    }

    // The cells of the summary rows named by their headers.
    private static string[] Cells(string html, params string[] heads) => [.. heads.Select(h => RowOf(html, h)[0])];

    private static string[] RowOf(string html, string head)
    {
        var match = Regex.Match(html, "<tr><th scope=\"row\">" + Regex.Escape(head) + "</th>((?:<td class=\"num\">[^<]*</td>)+)</tr>");
        Assert.True(match.Success, head);
        return [.. Cell().Matches(match.Groups[1].Value).Select(m => m.Groups[1].Value)];
    }

    [GeneratedRegex("<td class=\"num\">([^<]*)</td>")]
    private static partial Regex Cell();
}

public sealed class SqliteSurveyReportPageTests() : SurveyReportPageTests(DatabaseProvider.Sqlite);

public sealed class PostgresSurveyReportPageTests() : SurveyReportPageTests(DatabaseProvider.Postgres);
