using System.Net;
using ConversationHub.Faq.Ranking.Judgements;
using ConversationHub.Host.Tests.FaqSite;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Host.Tests.Ranking;

/// <summary>Result links of <c>/search</c> go through the click log and on to the FAQ, without JavaScript.</summary>
public sealed class SearchClickHttpTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    [Fact]
    public async Task Click_FromABrowser_RedirectsToTheFaqAndRecordsThePosition()
    {
        // Arrange
        var ct = TestTimeout.Token();
        var faq = await FaqTestData.CreateAsync(fixture.Host, ct);
        using var browser = fixture.Host.CreateBrowserClient();

        // Act
        var response = await browser.SendAsync(FaqTestData.BrowserGet($"/search/click?q={Uri.EscapeDataString("申請 窓口 03-1234-5678")}&faq={faq.Id:N}&pos=4"), ct);

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(FaqTestData.PathOf(faq) + "?click=", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain("窓口", Uri.UnescapeDataString(response.Headers.Location!.OriginalString), StringComparison.Ordinal);
        var click = await FaqTestData.WithFaqDbAsync(fixture.Host, db => db.RankingJudgements.AsNoTracking().SingleAsync(j => j.FaqId == faq.Id, ct));
        Assert.Equal(JudgementSource.SearchClick, click.Source);
        Assert.Equal(4, click.Position);
        Assert.Equal("申請 窓口 ＊", click.Query);
        Assert.Null(click.StaffUserId);
    }

    [Fact]
    public async Task Click_FromACrawler_RedirectsWithoutRecording()
    {
        var ct = TestTimeout.Token();
        var faq = await FaqTestData.CreateAsync(fixture.Host, ct);
        using var browser = fixture.Host.CreateBrowserClient();

        var response = await browser.SendAsync(FaqTestData.BrowserGet($"/search/click?q=x&faq={faq.Id:N}&pos=1", "Googlebot/2.1"), ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(FaqTestData.PathOf(faq), response.Headers.Location?.OriginalString);
        Assert.Equal(0, await FaqTestData.WithFaqDbAsync(fixture.Host, db => db.RankingJudgements.CountAsync(j => j.FaqId == faq.Id, ct)));
    }

    [Theory]
    [InlineData("pos=0", HttpStatusCode.BadRequest)]
    [InlineData("pos=abc", HttpStatusCode.BadRequest)]
    [InlineData("pos=1&other=1", HttpStatusCode.NotFound)]
    public async Task Click_BadPositionOrUnknownFaq_IsRefusedAndStoresNothing(string tail, HttpStatusCode expected)
    {
        var ct = TestTimeout.Token();
        var faq = await FaqTestData.CreateAsync(fixture.Host, ct);
        var target = expected == HttpStatusCode.NotFound ? Guid.NewGuid() : faq.Id;
        using var browser = fixture.Host.CreateBrowserClient();

        var response = await browser.SendAsync(FaqTestData.BrowserGet($"/search/click?q=x&faq={target:N}&{tail}"), ct);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(0, await FaqTestData.WithFaqDbAsync(fixture.Host, db => db.RankingJudgements.CountAsync(j => j.FaqId == faq.Id, ct)));
    }
}
