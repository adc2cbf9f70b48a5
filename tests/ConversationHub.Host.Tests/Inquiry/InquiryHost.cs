using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using ConversationHub.Core.Persistence;
using ConversationHub.Faq.KnowledgeBase.Domain;
using ConversationHub.Host.Tests.FaqSite;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;

namespace ConversationHub.Host.Tests.Inquiry;

/// <summary>
/// A platform for the inquiry form's tests: a published FAQ to come from and the administrators' form fields (a required
/// choice, a number and a date), with the form's guards set by each fixture.
/// </summary>
public abstract class InquiryHostFixture(IDictionary<string, string?> settings, bool withFormFields = true) : IAsyncLifetime
{
    public HubHost Host { get; private set; } = null!;

    public FaqEntry Faq { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var all = new Dictionary<string, string?>(settings, StringComparer.Ordinal) { ["DirectLine:AnonymousTokensPerWindow"] = "1000" };
        Host = await HubHost.StartAsync(DatabaseProvider.Sqlite, all);
        var ct = TestTimeout.Token(120);
        Faq = await FaqTestData.CreateAsync(Host, ct, question: "粗大ごみの収集日はいつですか（問い合わせテスト）");
        if (!withFormFields)
        {
            return;
        }

        using var admin = await Host.SignInAsync("admin", ct);
        foreach (var field in new object[]
        {
            new { key = "ward", label = "お住まいの区", type = "Choice", scope = "InquiryForm", required = true, choices = new[] { "北区", "南区" }, order = 1 },
            new { key = "household", label = "世帯の人数", type = "Number", scope = "InquiryForm", required = false, order = 2 },
            new { key = "visit_date", label = "来庁した日", type = "Date", scope = "InquiryForm", required = false, order = 3 },
        })
        {
            using var response = await admin.PostAsJsonAsync(new Uri("/api/cases/catalog/fields", UriKind.Relative), field, ct);
            Assert.True(response.IsSuccessStatusCode, $"creating a form field: {response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        }
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>Guards loose enough for ordinary tests: one second to fill the form, a high rate limit.</summary>
public sealed class InquiryFormFixture() : InquiryHostFixture(new Dictionary<string, string?>
{
    ["Inquiry:MinFillTime"] = "00:00:01",
    ["Inquiry:RateLimitPermits"] = "1000",
});

/// <summary>
/// The chat's intake: no form fields, since a required one cannot be asked in the chat and makes the intake fail (see
/// the TODO in handoff/Inquiry/CaseIntake.cs).
/// </summary>
public sealed class ChatIntakeFixture() : InquiryHostFixture(new Dictionary<string, string?>(), withFormFields: false);

/// <summary>Ten minutes to fill the form: every submission is too fast.</summary>
public sealed class InquirySlowFillFixture() : InquiryHostFixture(new Dictionary<string, string?>
{
    ["Inquiry:MinFillTime"] = "00:10:00",
    ["Inquiry:RateLimitPermits"] = "1000",
});

/// <summary>Two submissions per ten minutes.</summary>
public sealed class InquiryRateLimitFixture() : InquiryHostFixture(new Dictionary<string, string?>
{
    ["Inquiry:MinFillTime"] = "00:00:00",
    ["Inquiry:RateLimitPermits"] = "2",
    ["Inquiry:RateLimitWindow"] = "00:10:00",
});

/// <summary>The form as a browser uses it over real HTTP: its page, its hidden fields and its posts.</summary>
internal sealed partial class InquiryBrowser(HubHost host) : IDisposable
{
    public HttpClient Client { get; } = host.CreateBrowserClient();

    public string Antiforgery { get; private set; } = "";

    public string Ticket { get; private set; } = "";

    public static Dictionary<string, string> ValidFields(string email = "taro@example.jp") => new(StringComparer.Ordinal)
    {
        ["name"] = "若葉 太郎",
        ["kana"] = "ワカバ タロウ",
        ["email"] = email,
        ["emailConfirm"] = email,
        ["phone"] = "03-1234-5678",
        ["description"] = "粗大ごみの収集日を知りたいです。北区に住んでいます。",
        ["cf_ward"] = "北区",
        ["agree"] = "true",
    };

    public async Task<string> OpenAsync(string query, CancellationToken ct)
    {
        var html = await Client.GetStringAsync(new Uri("/inquiry" + query, UriKind.Relative), ct);
        Remember(html);
        return html;
    }

    /// <summary>Posts to a handler (confirm, submit, edit) with the page's tokens; the response's tokens are kept.</summary>
    public async Task<(HttpResponseMessage Response, string Html)> PostAsync(string faqId, string handler, IDictionary<string, string> fields, CancellationToken ct, string? ticket = null)
    {
        var values = new List<KeyValuePair<string, string>>(fields) { new("__RequestVerificationToken", Antiforgery), new("ticket", ticket ?? Ticket) };
        using var content = new FormUrlEncodedContent(values);
        var response = await Client.PostAsync(new Uri($"/inquiry?faq={faqId}&handler={handler}", UriKind.Relative), content, ct);
        var html = await response.Content.ReadAsStringAsync(ct);
        Remember(html);
        return (response, html);
    }

    /// <summary>入力 → 確認 → 送信, waiting out the minimum fill time; returns the 送信's response.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string faqId, IDictionary<string, string> fields, CancellationToken ct, TimeSpan? wait = null)
    {
        await OpenAsync("?faq=" + faqId, ct);
        await Task.Delay(wait ?? TimeSpan.FromMilliseconds(1100), ct);
        var (confirm, html) = await PostAsync(faqId, "confirm", fields, ct);
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Contains("入力内容の確認", html, StringComparison.Ordinal);
        return (await PostAsync(faqId, "submit", fields, ct)).Response;
    }

    /// <summary>The case a received page's path names, as an operator reads it through the cases API.</summary>
    public static async Task<JsonElement> CaseOfReceivedPageAsync(HubHost host, HttpClient client, Uri location, CancellationToken ct)
    {
        var page = await client.GetStringAsync(location, ct);
        var number = CaseNumber().Match(page);
        Assert.True(number.Success, "the received page shows no case number");
        return await CaseByNumberAsync(host, number.Value, ct);
    }

    public static async Task<JsonElement> CaseByNumberAsync(HubHost host, string number, CancellationToken ct)
    {
        using var operatorClient = await host.SignInAsync("operator", ct);
        var list = await operatorClient.GetFromJsonAsync<JsonElement>(new Uri($"/api/cases?q={number}", UriKind.Relative), ct);
        var id = list.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("number").GetString() == number).GetProperty("id").GetString();
        return await operatorClient.GetFromJsonAsync<JsonElement>(new Uri($"/api/cases/{id}", UriKind.Relative), ct);
    }

    public static async Task<int> CountCasesAsync(HubHost host, CancellationToken ct)
    {
        using var operatorClient = await host.SignInAsync("operator", ct);
        var list = await operatorClient.GetFromJsonAsync<JsonElement>(new Uri("/api/cases?pageSize=1", UriKind.Relative), ct);
        return list.GetProperty("total").GetInt32();
    }

    private void Remember(string html)
    {
        if (AntiforgeryField().Match(html) is { Success: true } token)
        {
            Antiforgery = token.Groups[1].Value;
        }

        if (TicketField().Match(html) is { Success: true } ticket)
        {
            Ticket = WebUtility.HtmlDecode(ticket.Groups[1].Value);
        }
    }

    public void Dispose() => Client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("name=\"ticket\" value=\"([^\"]+)\"")]
    private static partial Regex TicketField();

    [GeneratedRegex(@"C-\d{4}-\d{6}")]
    public static partial Regex CaseNumber();
}
