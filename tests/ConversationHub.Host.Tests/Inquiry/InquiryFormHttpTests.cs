using System.Net;
using ConversationHub.Core.ContactEvents.Domain;
using ConversationHub.Core.Persistence;
using ConversationHub.Handoff.Cases;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.Inquiry;

/// <summary>The inquiry form over real HTTP: where it starts, its checks in Japanese, and the case it makes once.</summary>
public sealed class InquiryFormHttpTests(InquiryFormFixture fixture) : IClassFixture<InquiryFormFixture>
{
    [Theory]
    [InlineData("")]
    [InlineData("?faq=not-an-id")]
    [InlineData("?faq=0195a4b2-0000-7000-8000-000000000000")]
    public async Task Get_WithoutAValidFaq_ExplainsWhereToStart_WithTheSearchBox(string query)
    {
        // Arrange
        var ct = TestTimeout.Token();
        using var browser = new InquiryBrowser(fixture.Host);

        // Act
        using var response = await browser.Client.GetAsync(new Uri("/inquiry" + query, UriKind.Relative), ct);
        var html = await response.Content.ReadAsStringAsync(ct);

        // Assert: no sign-in redirect, guidance in plain Japanese, a search box that GETs the FAQ search, no form.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("まず、よくある質問で答えを探してください", html, StringComparison.Ordinal);
        Assert.Contains("<form class=\"search\" action=\"/search\" method=\"get\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"q\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"email\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_WithAnFaq_ShowsItsTitle_TheFieldsAndTheCustomFields()
    {
        var ct = TestTimeout.Token();
        using var browser = new InquiryBrowser(fixture.Host);

        var html = await browser.OpenAsync("?faq=" + fixture.Faq.Id, ct);

        Assert.Contains(fixture.Faq.Question, html, StringComparison.Ordinal);
        Assert.Contains("お問い合わせフォーム", html, StringComparison.Ordinal);
        foreach (var name in new[] { "name", "kana", "email", "emailConfirm", "phone", "description", "agree", "cf_ward", "cf_household", "cf_visit_date" })
        {
            Assert.Contains($"name=\"{name}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("お住まいの区", html, StringComparison.Ordinal);
        Assert.Contains("tabindex=\"-1\" autocomplete=\"off\"", html, StringComparison.Ordinal); // the honeypot
        Assert.NotEmpty(browser.Ticket);
    }

    [Theory]
    [InlineData("email", "", "email", "「メールアドレス」を入力してください。")]
    [InlineData("email", "taro.example.jp", "email", "メールアドレスの形式が正しくありません")]
    [InlineData("emailConfirm", "jiro@example.jp", "emailConfirm", "確認用のメールアドレスが一致しません")]
    [InlineData("description", "", "description", "「お問い合わせ内容」を入力してください。")]
    [InlineData("description", "TOO_LONG", "description", "「お問い合わせ内容」は2000文字以内で入力してください。")]
    [InlineData("cf_ward", "", "cf_ward", "「お住まいの区」を入力してください。")]
    [InlineData("cf_household", "三人くらい", "cf_household", "「世帯の人数」は数値で入力してください。")]
    [InlineData("cf_visit_date", "2026-13-45", "cf_visit_date", "「来庁した日」は日付（例：2026-12-06）で入力してください。")]
    [InlineData("kana", "waka", "kana", "フリガナは、カタカナまたはひらがなで入力してください。")]
    [InlineData("agree", "", "agree", "個人情報の取り扱いをお読みいただき")]
    public async Task Confirm_InvalidField_ShowsTheJapaneseMessageNextToIt_AndKeepsTheInput(string field, string value, string errorField, string message)
    {
        // Arrange
        var ct = TestTimeout.Token();
        using var browser = new InquiryBrowser(fixture.Host);
        await browser.OpenAsync("?faq=" + fixture.Faq.Id, ct);
        await Task.Delay(1100, ct);
        var fields = InquiryBrowser.ValidFields();
        fields[field] = value == "TOO_LONG" ? new string('あ', 2001) : value;
        if (value.Length == 0)
        {
            fields.Remove(field);
        }

        // Act
        var (response, html) = await browser.PostAsync(fixture.Faq.Id.ToString(), "confirm", fields, ct);

        // Assert: the form again, the summary first, the message tied to its field, the citizen's input kept.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"error-summary\"", html, StringComparison.Ordinal);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains($"id=\"{errorField}-error\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("入力内容の確認</h1>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"若葉 太郎\"", html, StringComparison.Ordinal);
        if (field is not ("cf_ward" or "agree"))
        {
            Assert.Matches($"aria-invalid=\"true\"\\s+aria-describedby=\"[^\"]*{errorField}-error", html);
        }
    }

    [Fact]
    public async Task Submit_AfterConfirm_MakesAFormCase_WithTheFaq_TheEntry_AndTheEncryptedContact()
    {
        // Arrange
        var ct = TestTimeout.Token(90);
        using var browser = new InquiryBrowser(fixture.Host);
        var email = $"c{Guid.NewGuid():N}"[..12] + "@example.jp";

        // Act
        using var response = await browser.SubmitAsync(fixture.Faq.Id.ToString(), InquiryBrowser.ValidFields(email), ct);

        // Assert: POST-redirect-GET to the received page, which shows the number; the case as staff see it.
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith("/inquiry/received/", location.OriginalString, StringComparison.Ordinal);
        var received = await browser.Client.GetStringAsync(location, ct);
        Assert.Contains("お問い合わせを受け付けました", received, StringComparison.Ordinal);
        Assert.Contains("受付番号", received, StringComparison.Ordinal);
        var record = await InquiryBrowser.CaseOfReceivedPageAsync(fixture.Host, browser.Client, location, ct);
        Assert.Equal("Form", record.GetProperty("channel").GetString());
        Assert.Equal(fixture.Faq.Id.ToString(), record.GetProperty("sourceFaqId").GetString());
        Assert.Equal(email, record.GetProperty("contactEmail").GetString());
        Assert.Equal("若葉 太郎", record.GetProperty("contactName").GetString());
        Assert.Equal("北区", record.GetProperty("customFields").GetProperty("ward").GetString());
        var entry = Assert.Single(record.GetProperty("entries").EnumerateArray(), e => e.GetProperty("kind").GetString() == "FormSubmission");
        Assert.Contains("粗大ごみの収集日を知りたいです", entry.GetProperty("text").GetString(), StringComparison.Ordinal);

        // Encrypted at rest: the stored column is not the address.
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(fixture.Host.Database.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"ContactEmail\" FROM handoff_cases WHERE \"Number\" = $number";
        command.Parameters.AddWithValue("$number", record.GetProperty("number").GetString());
        var stored = (string?)await command.ExecuteScalarAsync(ct);
        Assert.False(string.IsNullOrEmpty(stored));
        Assert.DoesNotContain(email, stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_Twice_WithTheSameForm_MakesOneCase()
    {
        var ct = TestTimeout.Token(90);
        using var browser = new InquiryBrowser(fixture.Host);
        var fields = InquiryBrowser.ValidFields();
        using var first = await browser.SubmitAsync(fixture.Faq.Id.ToString(), fields, ct);
        var before = await InquiryBrowser.CountCasesAsync(fixture.Host, ct);

        // A double click (the same ticket, twice at once) and a resend later.
        var again = await Task.WhenAll(
            browser.PostAsync(fixture.Faq.Id.ToString(), "submit", fields, ct),
            browser.PostAsync(fixture.Faq.Id.ToString(), "submit", fields, ct));

        Assert.All(again, r => Assert.Equal(first.Headers.Location, r.Response.Headers.Location));
        Assert.Equal(before, await InquiryBrowser.CountCasesAsync(fixture.Host, ct));

        // Each form case is one contact that arrived by the form, however often it was sent.
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var formCases = await scope.ServiceProvider.GetRequiredService<HandoffDbContext>().Cases.AsNoTracking()
            .Where(c => c.Channel == CaseChannel.Form).Select(c => c.Id).ToListAsync(ct);
        var arrivals = await scope.ServiceProvider.GetRequiredService<HubDbContext>().ContactEvents.AsNoTracking()
            .Where(e => e.Kind == ContactEventKind.Arrived && e.Channel == ContactChannel.Form).Select(e => e.CaseId).ToListAsync(ct);
        Assert.NotEmpty(formCases);
        Assert.Equal(formCases.Order(), arrivals.Select(id => id!.Value).Order());
    }

    [Fact]
    public async Task Edit_FromTheConfirmation_ReturnsToTheFormWithTheValues()
    {
        var ct = TestTimeout.Token();
        using var browser = new InquiryBrowser(fixture.Host);
        await browser.OpenAsync("?faq=" + fixture.Faq.Id, ct);
        await Task.Delay(1100, ct);
        await browser.PostAsync(fixture.Faq.Id.ToString(), "confirm", InquiryBrowser.ValidFields(), ct);

        var (_, html) = await browser.PostAsync(fixture.Faq.Id.ToString(), "edit", InquiryBrowser.ValidFields(), ct);

        Assert.Contains("入力内容を確認する", html, StringComparison.Ordinal);
        Assert.Contains("value=\"taro@example.jp\"", html, StringComparison.Ordinal);
        Assert.Contains("粗大ごみの収集日を知りたいです", html, StringComparison.Ordinal);
    }
}
