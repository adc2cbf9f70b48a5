using System.Net;
using ConversationHub.Testing;

namespace ConversationHub.Host.Tests.Inquiry;

/// <summary>The per-address rate limit on 送信: after the limit, 429 with a Japanese page, Retry-After and the phone.</summary>
public sealed class InquiryRateLimitHttpTests(InquiryRateLimitFixture fixture) : IClassFixture<InquiryRateLimitFixture>
{
    [Fact]
    public async Task Submit_MoreThanTheLimit_Gets429InJapanese_WhileShowingTheFormStillWorks()
    {
        // Arrange: the limit is 2 per ten minutes from one address.
        var ct = TestTimeout.Token(90);
        using var browser = new InquiryBrowser(fixture.Host);
        await browser.OpenAsync("?faq=" + fixture.Faq.Id, ct);

        // Act
        var statuses = new List<HttpStatusCode>();
        string last = "";
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 3; i++)
        {
            var (response, html) = await browser.PostAsync(fixture.Faq.Id.ToString(), "submit", InquiryBrowser.ValidFields($"r{i}@example.jp"), ct);
            statuses.Add(response.StatusCode);
            last = html;
            limited = response;
        }

        // Assert
        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], statuses);
        Assert.Contains("lang=\"ja\"", last, StringComparison.Ordinal);
        Assert.Contains("ただいま受け付けできません", last, StringComparison.Ordinal);
        Assert.Contains("分ほどたってから、もう一度お試しください", last, StringComparison.Ordinal);
        Assert.Contains("0120-000-000", last, StringComparison.Ordinal);
        Assert.NotNull(limited!.Headers.RetryAfter);
        using var form = await browser.Client.GetAsync(new Uri("/inquiry?faq=" + fixture.Faq.Id, UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
    }
}
