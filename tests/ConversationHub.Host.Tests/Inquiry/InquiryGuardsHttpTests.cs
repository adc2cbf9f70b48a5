using System.Net;
using ConversationHub.Testing;

namespace ConversationHub.Host.Tests.Inquiry;

/// <summary>The form's spam guards without third parties: the honeypot and the minimum fill time.</summary>
public sealed class InquiryGuardsHttpTests(InquirySlowFillFixture fixture) : IClassFixture<InquirySlowFillFixture>
{
    [Fact]
    public async Task Submit_WithTheHoneypotFilled_PretendsSuccess_AndMakesNothing()
    {
        // Arrange
        var ct = TestTimeout.Token(60);
        using var browser = new InquiryBrowser(fixture.Host);
        await browser.OpenAsync("?faq=" + fixture.Faq.Id, ct);
        var before = await InquiryBrowser.CountCasesAsync(fixture.Host, ct);
        var fields = InquiryBrowser.ValidFields("honeypot@example.jp");
        fields["website"] = "http://spam.example";

        // Act
        var (response, _) = await browser.PostAsync(fixture.Faq.Id.ToString(), "submit", fields, ct);

        // Assert: what a script sees is success; nothing is made, and the log holds no personal data.
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/inquiry/received", response.Headers.Location!.OriginalString);
        var page = await browser.Client.GetStringAsync(response.Headers.Location, ct);
        Assert.Contains("お問い合わせを受け付けました", page, StringComparison.Ordinal);
        Assert.DoesNotMatch(InquiryBrowser.CaseNumber(), page);
        Assert.Equal(before, await InquiryBrowser.CountCasesAsync(fixture.Host, ct));
        Assert.Contains(fixture.Host.Logs, l => l.Contains("honeypot", StringComparison.Ordinal));
        Assert.DoesNotContain(fixture.Host.Logs, l => l.Contains("honeypot@example.jp", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("confirm")]
    [InlineData("submit")]
    public async Task Post_SoonerThanTheMinimumFillTime_IsRefusedPolitely_AndMakesNothing(string handler)
    {
        var ct = TestTimeout.Token(60);
        using var browser = new InquiryBrowser(fixture.Host);
        await browser.OpenAsync("?faq=" + fixture.Faq.Id, ct);
        var before = await InquiryBrowser.CountCasesAsync(fixture.Host, ct);

        var (response, html) = await browser.PostAsync(fixture.Faq.Id.ToString(), handler, InquiryBrowser.ValidFields(), ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("入力から送信までの時間が短すぎたため、受け付けできませんでした", html, StringComparison.Ordinal);
        Assert.Contains("value=\"taro@example.jp\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await InquiryBrowser.CountCasesAsync(fixture.Host, ct));
    }

    [Fact]
    public async Task Submit_WithATamperedTicket_IsRefused_AndMakesNothing()
    {
        var ct = TestTimeout.Token(60);
        using var browser = new InquiryBrowser(fixture.Host);
        await browser.OpenAsync("?faq=" + fixture.Faq.Id, ct);
        var before = await InquiryBrowser.CountCasesAsync(fixture.Host, ct);

        var (_, html) = await browser.PostAsync(fixture.Faq.Id.ToString(), "submit", InquiryBrowser.ValidFields(), ct, ticket: browser.Ticket[..^4] + "AAAA");

        Assert.Contains("画面を開いてから時間がたったため", html, StringComparison.Ordinal);
        Assert.Equal(before, await InquiryBrowser.CountCasesAsync(fixture.Host, ct));
    }
}
