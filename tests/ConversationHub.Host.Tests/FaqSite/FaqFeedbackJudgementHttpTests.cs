using System.Net;
using System.Text.RegularExpressions;
using ConversationHub.Faq.KnowledgeBase.Domain;
using ConversationHub.Faq.Ranking.Judgements;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Host.Tests.FaqSite;

/// <summary>
/// A rating given on an FAQ page reached from a search result becomes a ranker judgement for that search, over
/// real HTTP on each provider: search click → FAQ page (opaque token, never the query) → form → judgement.
/// </summary>
public abstract partial class FaqFeedbackJudgementHttpTests(HostFixture fixture)
{
    private const string Query = "住民票の写し 申請 090-1234-5678";
    private const string MaskedQuery = "住民票の写し 申請 ＊";

    private HubHost Host => fixture.Host;

    [Theory]
    [InlineData("yes", 2)]
    [InlineData("no", 0)]
    public async Task Post_AfterSearchClick_RecordsTheMaskedQueryWithTheRating(string helpful, int grade)
    {
        // Arrange
        var ct = TestTimeout.Token();
        var faq = await FaqTestData.CreateAsync(Host, ct);
        using var client = Host.CreateBrowserClient();
        var page = await ClickThroughAsync(client, faq.Id, ct);

        // Act
        using var response = await PostFeedbackAsync(client, faq, page, helpful, ct);

        // Assert: the address of the FAQ page never holds the query, in clear or encoded.
        Assert.DoesNotContain("住民票", Uri.UnescapeDataString(page.Address), StringComparison.Ordinal);
        Assert.DoesNotContain("1234-5678", Uri.UnescapeDataString(page.Address), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var judgement = await FaqTestData.WithFaqDbAsync(Host, db => db.RankingJudgements.AsNoTracking()
            .SingleAsync(j => j.FaqId == faq.Id && j.Source == JudgementSource.SiteFeedback, ct));
        Assert.Equal(MaskedQuery, judgement.Query);
        Assert.Equal(grade, judgement.Grade);
        Assert.Equal(3, judgement.Position);
        Assert.Null(judgement.StaffUserId);
        var raw = await FaqTestData.WithFaqDbAsync(Host, db => db.Database
            .SqlQuery<string>($"SELECT \"Query\" AS \"Value\" FROM ranking_judgements WHERE \"Id\" = {judgement.Id}").SingleAsync(ct));
        Assert.DoesNotContain("住民票", raw, StringComparison.Ordinal);
        Assert.DoesNotContain(Host.Logs, line => line.Contains("住民票", StringComparison.Ordinal) || line.Contains("090-1234", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_SameClickTwice_StoresBothRatingsButOneJudgement()
    {
        var ct = TestTimeout.Token();
        var faq = await FaqTestData.CreateAsync(Host, ct);
        using var client = Host.CreateBrowserClient();
        var page = await ClickThroughAsync(client, faq.Id, ct);

        using (await PostFeedbackAsync(client, faq, page, "yes", ct))
        using (await PostFeedbackAsync(client, faq, page, "yes", ct))
        {
        }

        Assert.Equal(2, await FaqTestData.WithFaqDbAsync(Host, db => db.Feedback.CountAsync(f => f.FaqId == faq.Id, ct)));
        Assert.Equal(1, await FaqTestData.WithFaqDbAsync(Host, db => db.RankingJudgements.CountAsync(
            j => j.FaqId == faq.Id && j.Source == JudgementSource.SiteFeedback, ct)));
    }

    [Fact]
    public async Task Post_TokenOfAnotherFaqOrForged_StoresTheRatingWithoutJudgement()
    {
        // Arrange: a genuine token for one FAQ, replayed on another, and a forged one.
        var ct = TestTimeout.Token();
        var clicked = await FaqTestData.CreateAsync(Host, ct);
        var other = await FaqTestData.CreateAsync(Host, ct);
        using var client = Host.CreateBrowserClient();
        var page = await ClickThroughAsync(client, clicked.Id, ct);
        var replayed = page with { Address = $"{FaqTestData.PathOf(other)}?click={Uri.EscapeDataString(page.Token!)}" };
        var forged = page with { Address = $"{FaqTestData.PathOf(other)}?click=CfDJ8forged", Token = "CfDJ8forged" };

        // Act
        var replayedForm = await client.GetStringAsync(new Uri(replayed.Address, UriKind.Relative), ct);
        using (await PostFeedbackAsync(client, other, replayed, "yes", ct))
        using (await PostFeedbackAsync(client, other, forged, "no", ct))
        {
        }

        // Assert: the page does not carry a token it cannot use; both ratings count, neither as a judgement.
        Assert.DoesNotContain("name=\"Click\"", replayedForm, StringComparison.Ordinal);
        Assert.Equal(2, await FaqTestData.WithFaqDbAsync(Host, db => db.Feedback.CountAsync(f => f.FaqId == other.Id, ct)));
        Assert.Equal(0, await FaqTestData.WithFaqDbAsync(Host, db => db.RankingJudgements.CountAsync(j => j.FaqId == other.Id, ct)));
    }

    [Fact]
    public async Task Post_WithoutSearch_StoresTheRatingOnly()
    {
        var ct = TestTimeout.Token();
        var faq = await FaqTestData.CreateAsync(Host, ct);
        using var client = Host.CreateBrowserClient();

        var html = await client.GetStringAsync(new Uri(FaqTestData.PathOf(faq), UriKind.Relative), ct);
        using var response = await FormPost.SubmitAsync(client, FaqTestData.PathOf(faq), new Dictionary<string, string> { ["Helpful"] = "yes" }, ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("name=\"Click\"", html, StringComparison.Ordinal);
        Assert.Equal(FaqFeedbackChannel.Site, (await FaqTestData.WithFaqDbAsync(Host, db => db.Feedback.SingleAsync(f => f.FaqId == faq.Id, ct))).Channel);
        Assert.Equal(0, await FaqTestData.WithFaqDbAsync(Host, db => db.RankingJudgements.CountAsync(j => j.FaqId == faq.Id, ct)));
    }

    /// <summary>Follows a search result's link as a browser does and reads the feedback form's hidden click field.</summary>
    private static async Task<(string Address, string? Token)> ClickThroughAsync(HttpClient client, Guid faqId, CancellationToken ct)
    {
        using var redirect = await client.SendAsync(FaqTestData.BrowserGet($"/search/click?q={Uri.EscapeDataString(Query)}&faq={faqId:N}&pos=3"), ct);
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        var address = redirect.Headers.Location!.OriginalString;
        var html = await client.GetStringAsync(new Uri(address, UriKind.Relative), ct);
        var field = ClickField().Match(html);
        Assert.True(field.Success, "the feedback form carries the click");
        return (address, WebUtility.HtmlDecode(field.Groups[1].Value));
    }

    /// <summary>Posts the form to its action (the FAQ's canonical path, without the token in the address), as the browser does.</summary>
    private static async Task<HttpResponseMessage> PostFeedbackAsync(
        HttpClient client, FaqEntry faq, (string Address, string? Token) page, string helpful, CancellationToken ct)
    {
        var html = await client.GetStringAsync(new Uri(page.Address, UriKind.Relative), ct);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Helpful"] = helpful,
            ["__RequestVerificationToken"] = AntiforgeryField().Match(html).Groups[1].Value,
        };
        if (page.Token is not null)
            fields["Click"] = page.Token;
        using var form = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(FaqTestData.PathOf(faq), UriKind.Relative), form, ct);
    }

    [GeneratedRegex("name=\"Click\" value=\"([^\"]+)\"")]
    private static partial Regex ClickField();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}

public sealed class SqliteFaqFeedbackJudgementHttpTests(SqliteHostFixture fixture) : FaqFeedbackJudgementHttpTests(fixture), IClassFixture<SqliteHostFixture>;

public sealed class PostgresFaqFeedbackJudgementHttpTests(PostgresHostFixture fixture) : FaqFeedbackJudgementHttpTests(fixture), IClassFixture<PostgresHostFixture>;
