using System.Net;
using System.Text.RegularExpressions;
using ConversationHub.Core.Calendar;
using ConversationHub.Core.ContactEvents.Domain;
using ConversationHub.Core.ContactEvents.Rollup;
using ConversationHub.Core.ContactEvents.Services;
using ConversationHub.Core.Persistence;
using ConversationHub.Faq.KnowledgeBase.Domain;
using ConversationHub.Faq.Persistence;
using ConversationHub.Faq.Search.Terms;
using ConversationHub.Faq.Site;
using ConversationHub.Faq.Site.Feedback;
using ConversationHub.Host.Tests.Cases;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.Reports;

/// <summary>
/// The self-service report (<c>/console/reports/self-service</c>, issue 18) on recorded contact events folded by the
/// real roll-up, real searches, ratings and page views on the FAQ site, and cases made through the cases API, with the
/// host's clock fixed: bot-resolved share per channel, top FAQs, search words (never a personal-looking one), misses,
/// ratings, views and cases per category; filters; department staff's scope.
/// </summary>
public sealed partial class SelfServiceReportPageTests
{
    private static readonly Regex Row = RowPattern();

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task SelfServiceReport_RecordedActivity_ShowsEachFigure(DatabaseProvider provider)
    {
        // Arrange
        var ct = TestTimeout.Token(240);
        var clock = new TestClock(DateTimeOffset.UtcNow);
        var today = DateOnly.FromDateTime(JapanTime.ToJapan(clock.GetUtcNow()).DateTime);
        await using var database = await TestDatabase.CreateAsync(provider, ct);
        await using var host = HubHost.Start(database, ownsDatabase: false, TestPii.CreateOptions(), services: s => s.AddSingleton<TimeProvider>(clock));
        var (first, second) = await TwoFaqsAsync(host, ct);
        await SeedContactsAsync(host, today, first.Id.ToString(), second.Id.ToString(), ct);
        await SearchAsync(host, ct);
        await RateAndViewAsync(host, first, second, ct);
        var (tax, moving, citizensCase) = await SeedCasesAsync(host, ct);
        using var supervisor = await host.SignInAsync("supervisor", ct);
        using var staff = await host.SignInAsync("dept-staff", ct);
        using var operatorClient = await host.SignInAsync("operator", ct);
        var period = $"from={today.AddDays(-7):yyyy-MM-dd}&to={today:yyyy-MM-dd}";

        // Act
        var center = await GetPageAsync(host, supervisor, period, ct);
        var line = await GetPageAsync(host, supervisor, period + "&channel=Line", ct);
        var taxOnly = await GetPageAsync(host, supervisor, period + "&category=" + tax.Id, ct);
        var department = await GetPageAsync(host, staff, period, ct);
        var departmentTaxOnly = await GetPageAsync(host, staff, period + "&category=" + tax.Id + "&department=" + Guid.NewGuid(), ct);
        using var denied = await operatorClient.GetAsync(Page(period), ct);
        using var badDate = await supervisor.GetAsync(Page("from=2026-02-30"), ct);
        using var backwards = await supervisor.GetAsync(Page($"from={today:yyyy-MM-dd}&to={today.AddDays(-1):yyyy-MM-dd}"), ct);
        using var badChannel = await supervisor.GetAsync(Page(period + "&channel=Fax"), ct);

        // Assert: bot-resolved share (受付, ボット回答会話, うち引継ぎ, 完結, 率).
        var bot = Rows(Table(center, "bot-resolved"));
        Assert.Equal(["3", "3", "2", "1", "33.3%"], bot["Webチャット"]);
        Assert.Equal(["2", "1", "0", "1", "50.0%"], bot["LINE"]);
        Assert.Equal(["5", "4", "2", "2", "40.0%"], bot["合計"]);
        Assert.Equal([["3"], ["2"]], RankedCells(Table(center, "top-faqs")));
        Assert.Contains(first.Question, Table(center, "top-faqs"), StringComparison.Ordinal);
        var lineBot = Rows(Table(line, "bot-resolved"));
        Assert.Equal(["LINE", "合計"], [.. lineBot.Keys]);
        Assert.Equal([["1"]], RankedCells(Table(line, "top-faqs")));

        // Search words: normalised, counted per term, never a phone number, an e-mail address or a long number.
        var terms = Rows(Table(center, "search-terms"));
        Assert.Equal(["2", "0"], terms["住民票"]);
        Assert.Equal(["1", "0"], terms["passport 申請"]);
        Assert.Equal(["1", "1"], terms["zxqwv"]);
        Assert.Equal(3, terms.Count);
        // Within the words' tables: elsewhere on the page a random id (a GUID in a link) may hold "1234".
        var words = Table(center, "search-terms") + Table(center, "search-misses");
        Assert.DoesNotContain("1234", words, StringComparison.Ordinal);
        Assert.DoesNotContain("example", words, StringComparison.Ordinal);
        await AssertNoPersonalTermsStoredAsync(host, ct);
        Assert.Contains("ＺＸＱＷＶ", Table(center, "search-misses"), StringComparison.Ordinal);

        // Ratings (役に立った, 立たなかった, 割合) and views.
        var ratings = Rows(Table(center, "faq-ratings"));
        Assert.Equal(["2", "1", "66.7%"], ratings[first.Question]);
        Assert.Equal(["0", "1", "0.0%"], ratings[second.Question]);
        Assert.Equal(["1"], Rows(Table(center, "faq-views"))[second.Question]);

        // Cases per category this week: two tax cases and one moving case; the tax filter keeps the tax row only.
        var trend = Rows(Table(center, "case-trend"));
        Assert.Equal(["2", "2"], trend[tax.Name][^2..]);
        Assert.Equal(["1", "1"], trend[moving.Name][^2..]);
        Assert.Equal("3", trend["合計"][^1]);
        var taxTrend = Rows(Table(taxOnly, "case-trend"));
        Assert.Equal([tax.Name, "合計"], [.. taxTrend.Keys]);

        // Department staff: only 市民課's case (one tax case), none of the center-wide figures, whatever they ask for.
        Assert.DoesNotContain("id=\"bot-resolved\"", department, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"search-terms\"", department, StringComparison.Ordinal);
        Assert.Contains("市民課の案件のみ", department, StringComparison.Ordinal);
        Assert.Equal("1", Rows(Table(department, "case-trend"))["合計"][^1]);
        Assert.Equal("1", Rows(Table(departmentTaxOnly, "case-trend"))[tax.Name][^1]);
        Assert.NotEqual(Guid.Empty, citizensCase);
        Assert.True(HubHost.IsRedirectTo(denied, "/account/denied"), denied.StatusCode.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badChannel.StatusCode);
    }

    // The page's HTML; on another status, the host's last log lines say why.
    private static async Task<string> GetPageAsync(HubHost host, HttpClient client, string query, CancellationToken ct)
    {
        using var response = await client.GetAsync(Page(query), ct);
        var html = await response.Content.ReadAsStringAsync(ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} for {query}: {string.Join("\n", host.Logs.TakeLast(5))}");
        return html;
    }

    private static Uri Page(string query) => new("/console/reports/self-service?" + query, UriKind.Relative);

    private static async Task<(FaqEntry First, FaqEntry Second)> TwoFaqsAsync(HubHost host, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FaqDbContext>();
        var faqs = await db.Visible(DateTime.UtcNow).AsNoTracking().OrderBy(f => f.Question).Take(2).ToListAsync(ct);
        return (faqs[0], faqs[1]);
    }

    // Web chat: A answered twice by the bot (resolved), B answered then handed off, F handed off before its bot answer
    // was folded; LINE: C answered (resolved), D handed off without a bot answer; E answered before the period.
    private static async Task SeedContactsAsync(HubHost host, DateOnly today, string first, string second, CancellationToken ct)
    {
        DateTime At(int daysAgo, int hour) => JapanTime.At(today.AddDays(-daysAgo), new TimeOnly(hour, 0)).UtcDateTime;
        var (a, b, c, d, e, f) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await RecordAndFoldAsync(host,
        [
            new("ss:a:arrived", ContactEventKind.Arrived, ContactChannel.WebChat, At(3, 10)) { ConversationId = a },
            new("ss:a:bot1", ContactEventKind.BotAnswered, ContactChannel.WebChat, At(3, 10)) { ConversationId = a, FaqId = first },
            new("ss:a:bot2", ContactEventKind.BotAnswered, ContactChannel.WebChat, At(3, 11)) { ConversationId = a, FaqId = first },
            new("ss:b:arrived", ContactEventKind.Arrived, ContactChannel.WebChat, At(3, 12)) { ConversationId = b },
            new("ss:b:bot", ContactEventKind.BotAnswered, ContactChannel.WebChat, At(3, 12)) { ConversationId = b, FaqId = second },
            new("ss:f:arrived", ContactEventKind.Arrived, ContactChannel.WebChat, At(2, 9)) { ConversationId = f },
            new("ss:f:handed", ContactEventKind.HandedOff, ContactChannel.WebChat, At(2, 9)) { ConversationId = f },
            new("ss:c:arrived", ContactEventKind.Arrived, ContactChannel.Line, At(2, 9)) { ConversationId = c },
            new("ss:c:bot", ContactEventKind.BotAnswered, ContactChannel.Line, At(2, 9)) { ConversationId = c, FaqId = first },
            new("ss:d:arrived", ContactEventKind.Arrived, ContactChannel.Line, At(2, 10)) { ConversationId = d },
            new("ss:d:handed", ContactEventKind.HandedOff, ContactChannel.Line, At(2, 10)) { ConversationId = d },
            new("ss:e:arrived", ContactEventKind.Arrived, ContactChannel.WebChat, At(10, 9)) { ConversationId = e },
            new("ss:e:bot", ContactEventKind.BotAnswered, ContactChannel.WebChat, At(10, 9)) { ConversationId = e, FaqId = second },
        ], ct);
        // A second pass: what was folded before decides whether a conversation counts again.
        await RecordAndFoldAsync(host,
        [
            new("ss:b:handed", ContactEventKind.HandedOff, ContactChannel.WebChat, At(3, 13)) { ConversationId = b },
            new("ss:f:bot", ContactEventKind.BotAnswered, ContactChannel.WebChat, At(2, 9)) { ConversationId = f, FaqId = second },
        ], ct);
    }

    private static async Task RecordAndFoldAsync(HubHost host, ContactEvent[] events, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        await scope.ServiceProvider.GetRequiredService<IContactEventRecorder>().RecordAsync(db, events, ct);
        await scope.ServiceProvider.GetRequiredService<ContactRollupPass>().RunAsync(1000, ct);
    }

    // Real searches on the public page; three of them hold personal data and must not be counted as words.
    private static async Task SearchAsync(HubHost host, CancellationToken ct)
    {
        using var citizen = host.CreateBrowserClient();
        foreach (var q in new[] { "住民票", " 住民票 ", "ＰＡＳＳＰＯＲＴ　 申請", "ＺＸＱＷＶ", "090-1234-5678", "taro.yamada@example.jp に連絡", "口座 12345678" })
        {
            using var response = await citizen.GetAsync(new Uri("/search?q=" + Uri.EscapeDataString(q), UriKind.Relative), ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await host.Services.GetRequiredService<SearchTermTallyWriterService>().FlushAsync(ct);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FaqDbContext>();
        while (!await db.SearchMisses.AnyAsync(m => m.MaskedQuery.Contains("ＺＸＱＷＶ"), ct))
        {
            await Task.Delay(100, ct);
        }
    }

    private static async Task AssertNoPersonalTermsStoredAsync(HubHost host, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<FaqDbContext>().Set<SearchTermCount>().Select(t => t.Term).ToListAsync(ct);
        Assert.Equal(3, stored.Count);
        Assert.DoesNotContain(stored, t => t.Any(char.IsDigit) || t.Contains('@', StringComparison.Ordinal));
    }

    // Two ratings of "helpful" and one of "not" for the first FAQ, one "not" for the second; one real page view of the second.
    private static async Task RateAndViewAsync(HubHost host, FaqEntry first, FaqEntry second, CancellationToken ct)
    {
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var submit = scope.ServiceProvider.GetRequiredService<SubmitFaqFeedback>();
            foreach (var (faq, helpful) in new[] { (first, "yes"), (first, "yes"), (first, "no"), (second, "no") })
            {
                Assert.Equal(FeedbackOutcome.Stored, await submit.ExecuteAsync(faq.Id, helpful, null, FaqFeedbackChannel.Site, ct));
            }
        }

        using var citizen = host.CreateBrowserClient();
        citizen.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0 Safari/537.36");
        using var page = await citizen.GetAsync(new Uri(FaqSlug.CanonicalPath(second.Id, second.Question), UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    // Two tax cases (one escalated to 市民課) and one moving case, made today through the cases API.
    private static async Task<((Guid Id, string Name) Tax, (Guid Id, string Name) Moving, Guid CitizensCase)> SeedCasesAsync(HubHost host, CancellationToken ct)
    {
        using var admin = await host.SignInAsync("admin", ct);
        var suffix = Guid.NewGuid().ToString("N")[..4];
        var tax = (await admin.PostJsonAsync("/api/cases/catalog/categories", new { name = "税" + suffix }, HttpStatusCode.OK, ct)).GetProperty("id").GetGuid();
        var moving = (await admin.PostJsonAsync("/api/cases/catalog/categories", new { name = "転入" + suffix }, HttpStatusCode.OK, ct)).GetProperty("id").GetGuid();
        using var op = await host.SignInAsync("operator", ct);
        var ids = new List<Guid>();
        foreach (var category in new[] { tax, tax, moving })
        {
            ids.Add((await op.CreateCaseAsync(new { subject = "問い合わせ", categoryId = category }, ct)).GetProperty("id").GetGuid());
        }

        var citizens = await CaseTestSupport.DepartmentAsync(host, CaseTestSupport.CitizensDivision);
        await op.PostJsonAsync($"/api/cases/{ids[0]}/escalate", new { departmentId = citizens, reasons = new[] { "personal_data" }, message = "確認願います" }, HttpStatusCode.OK, ct);
        return ((tax, "税" + suffix), (moving, "転入" + suffix), ids[0]);
    }

    private static string Table(string html, string id)
    {
        var start = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no table {id}");
        var end = html.IndexOf("</table>", start, StringComparison.Ordinal);
        return html[start..end];
    }

    // The figures of each row by its header (a ranking's rank cell comes first and is left out).
    private static Dictionary<string, string[]> Rows(string table) =>
        Row.Matches(table).ToDictionary(
            m => WebUtility.HtmlDecode(m.Groups["head"].Value),
            m => m.Groups["cell"].Captures.Select(c => c.Value).ToArray(),
            StringComparer.Ordinal);

    private static string[][] RankedCells(string table) => [.. Rows(table).Values];

    [GeneratedRegex("<tr>(?:<td class=\"num\">\\d+</td>)?<th scope=\"row\">(?<head>[^<]+)</th>(?:<td class=\"num\">(?<cell>[^<]*)</td>)+</tr>")]
    private static partial Regex RowPattern();
}
