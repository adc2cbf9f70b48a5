using ConversationHub.Faq.KnowledgeBase.Domain;
using ConversationHub.Faq.Site;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;

namespace ConversationHub.Host.Tests.FaqSite;

public sealed class HomeRankingHttpTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    [Fact]
    public async Task Home_Ranking_OrdersByViewsOfTheLastSevenDays()
    {
        // Arrange: view counts far above anything other tests produce, so these three lead the ranking.
        var ct = TestTimeout.Token();
        var today = JapanDate.Today(TimeProvider.System);
        var second = await FaqTestData.CreateAsync(fixture.Host, ct, question: "ランキング二位 " + Guid.NewGuid().ToString("N")[..6]);
        var first = await FaqTestData.CreateAsync(fixture.Host, ct, question: "ランキング一位 " + Guid.NewGuid().ToString("N")[..6]);
        var old = await FaqTestData.CreateAsync(fixture.Host, ct, question: "先月の人気 " + Guid.NewGuid().ToString("N")[..6]);
        await FaqTestData.WithFaqDbAsync(fixture.Host, async db =>
        {
            db.ViewCounts.AddRange(
                new FaqViewCount(first.Id, today, 600_000),
                new FaqViewCount(first.Id, today.AddDays(-6), 400_000),
                new FaqViewCount(second.Id, today.AddDays(-1), 900_000),
                new FaqViewCount(old.Id, today.AddDays(-7), 5_000_000));
            return await db.SaveChangesAsync(ct);
        });
        using var client = fixture.Host.CreateClient();

        // Act
        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative), ct);

        // Assert
        var ranking = html[html.IndexOf("<ol class=\"ranking\">", StringComparison.Ordinal)..];
        ranking = ranking[..ranking.IndexOf("</ol>", StringComparison.Ordinal)];
        Assert.True(ranking.IndexOf(first.Question, StringComparison.Ordinal) is >= 0 and var a
            && ranking.IndexOf(second.Question, StringComparison.Ordinal) is var b && b > a, ranking);
        Assert.DoesNotContain(old.Question, ranking, StringComparison.Ordinal);
        Assert.Contains("よく見られている質問", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_Departments_ShowOwningDepartmentsWithCounts()
    {
        using var client = fixture.Host.CreateClient();

        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative), TestTimeout.Token());

        Assert.Contains("担当課から探す", html, StringComparison.Ordinal);
        Assert.Matches("<a href=\"/department/[0-9a-f-]{36}\">市民課 <span>\\(\\d+件\\)</span></a>", html);
    }
}
