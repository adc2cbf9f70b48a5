using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using ConversationHub.Faq.KnowledgeBase.Domain;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;

namespace ConversationHub.Host.Tests.FaqSite;

/// <summary>The public FAQ page over real HTTP: content, visibility, canonical URLs and structured data.</summary>
public sealed partial class FaqPageHttpTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    private HubHost Host => fixture.Host;

    [Fact]
    public async Task Get_PublishedFaq_ShowsQuestionAnswerBreadcrumbsAndMetadata()
    {
        // Arrange
        var ct = TestTimeout.Token();
        var field = new FaqCategory(FaqCategoryKind.Field, "テスト分野 " + Guid.NewGuid().ToString("N")[..6]);
        var faq = await FaqTestData.CreateAsync(Host, ct, f =>
        {
            f.Categories.Add(field);
            f.RelatedLinks.Add(new FaqRelatedLink("申請書ダウンロード", "https://www.city.example.jp/form.pdf"));
        }, answer: "窓口は**市民課**です。\n\n<script>alert('x')</script>");
        using var client = Host.CreateBrowserClient();

        // Act
        using var response = await client.SendAsync(FaqTestData.BrowserGet(FaqTestData.PathOf(faq)), ct);
        var html = await response.Content.ReadAsStringAsync(ct);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<h1><span class=\"q\" aria-hidden=\"true\">Q</span>{faq.Question}</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>市民課</strong>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Matches($"<li><a href=\"/category/{field.Id}\">{field.Name}</a></li>", html);
        Assert.Contains("2026年11月23日", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/inquiry?faq={faq.Id}\"", html, StringComparison.Ordinal);
        Assert.Contains("この回答は役に立ちましたか？", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://www.city.example.jp/form.pdf\" rel=\"noopener\">申請書ダウンロード</a>", html, StringComparison.Ordinal);
        Assert.Contains($"<link rel=\"canonical\" href=\"{Host.ClientOptions.BaseAddress.GetLeftPart(UriPartial.Authority)}{FaqTestData.PathOf(faq)}\" />", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"description\" content=\"窓口は市民課です。", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_JsonLd_ParsesAsFaqPage()
    {
        var ct = TestTimeout.Token();
        var faq = await FaqTestData.CreateAsync(Host, ct, answer: "答え </script><script>alert(1)</script>");
        using var client = Host.CreateBrowserClient();

        var html = await client.GetStringAsync(new Uri(FaqTestData.PathOf(faq), UriKind.Relative), ct);

        var script = JsonLdScript().Match(html);
        Assert.True(script.Success, "no JSON-LD script element");
        using var json = JsonDocument.Parse(script.Groups[1].Value);
        Assert.Equal("FAQPage", json.RootElement.GetProperty("@type").GetString());
        Assert.Equal(faq.Question, json.RootElement.GetProperty("mainEntity")[0].GetProperty("name").GetString());
    }

    [Theory]
    [InlineData(FaqStatus.Draft, FaqVisibility.Public, 0)]
    [InlineData(FaqStatus.Archived, FaqVisibility.Public, 0)]
    [InlineData(FaqStatus.Published, FaqVisibility.Center, 0)]
    [InlineData(FaqStatus.Published, FaqVisibility.Staff, 0)]
    [InlineData(FaqStatus.Published, FaqVisibility.Public, -1)]
    [InlineData(FaqStatus.Published, FaqVisibility.Public, 1)]
    public async Task Get_FaqCitizensMayNotSee_IsJapanese404(FaqStatus status, FaqVisibility visibility, int periodOffsetDays)
    {
        // Arrange: -1 = the period ended yesterday, 1 = it starts tomorrow.
        var ct = TestTimeout.Token();
        var faq = await FaqTestData.CreateAsync(Host, ct, f =>
        {
            f.Status = status;
            f.Visibility = visibility;
            f.PublishUntilUtc = periodOffsetDays < 0 ? DateTime.UtcNow.AddDays(-1) : null;
            f.PublishFromUtc = periodOffsetDays > 0 ? DateTime.UtcNow.AddDays(1) : null;
        });
        using var client = Host.CreateBrowserClient();

        // Act
        using var response = await client.SendAsync(FaqTestData.BrowserGet(FaqTestData.PathOf(faq)), ct);
        var html = await response.Content.ReadAsStringAsync(ct);

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("お探しのページが見つかりません", html, StringComparison.Ordinal);
        Assert.DoesNotContain(faq.AnswerMarkdown, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_UnknownId_IsJapanese404()
    {
        using var client = Host.CreateBrowserClient();

        using var response = await client.GetAsync(new Uri($"/faq/{Guid.NewGuid()}", UriKind.Relative), TestTimeout.Token());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<html lang=\"ja\">", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/old-question")]
    public async Task Get_WrongOrMissingSlug_Is301ToCanonical(string suffix)
    {
        var ct = TestTimeout.Token();
        var faq = await FaqTestData.CreateAsync(Host, ct);
        using var client = Host.CreateBrowserClient();

        using var response = await client.GetAsync(new Uri($"/faq/{faq.Id}{suffix}", UriKind.Relative), ct);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(FaqTestData.PathOf(faq), response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Category_ListsItsPublicFaqsOnly()
    {
        // Arrange
        var ct = TestTimeout.Token();
        var category = new FaqCategory(FaqCategoryKind.LifeEvent, "テスト出来事 " + Guid.NewGuid().ToString("N")[..6]);
        var shown = await FaqTestData.CreateAsync(Host, ct, f => f.Categories.Add(category));
        var hidden = await FaqTestData.CreateAsync(Host, ct, f =>
        {
            f.Categories.Add(category);
            f.Visibility = FaqVisibility.Staff;
        });
        using var client = Host.CreateBrowserClient();

        // Act
        var html = await client.GetStringAsync(new Uri($"/category/{category.Id}", UriKind.Relative), ct);
        using var unknown = await client.GetAsync(new Uri($"/category/{Guid.NewGuid()}", UriKind.Relative), ct);

        // Assert
        Assert.Contains($"<h1>{category.Name}</h1>", html, StringComparison.Ordinal);
        Assert.Contains(shown.Question, html, StringComparison.Ordinal);
        Assert.DoesNotContain(hidden.Question, html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [GeneratedRegex("<script type=\"application/ld\\+json\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex JsonLdScript();
}
