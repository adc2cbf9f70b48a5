using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using ConversationHub.Host.Tests.Infrastructure;

namespace ConversationHub.Host.Tests.FaqEditor;

/// <summary>Drives the editors' pages as a browser does: read the anti-forgery token from a page, post a form to its action.</summary>
internal static partial class EditorForms
{
    /// <summary>Posts <paramref name="fields"/> to <paramref name="action"/> with the token of the page at <paramref name="pagePath"/>.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string pagePath, string action, IEnumerable<KeyValuePair<string, string>> fields, CancellationToken ct)
    {
        var page = await client.GetStringAsync(new Uri(pagePath, UriKind.Relative), ct);
        var values = fields.Append(new("__RequestVerificationToken", TokenOf(page)));
        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync(new Uri(action, UriKind.Relative), content, ct);
    }

    /// <summary>The anti-forgery token a page's forms carry.</summary>
    public static string TokenOf(string html) => AntiforgeryField().Match(html).Groups[1].Value;

    /// <summary>The form fields of a complete FAQ as the edit page posts them.</summary>
    public static Dictionary<string, string> Faq(string question, string answer, int? expectedRevision = null) => new(StringComparer.Ordinal)
    {
        ["Form.Question"] = question,
        ["Form.Paraphrases[0]"] = question + "を知りたい",
        ["Form.Paraphrases[1]"] = "",
        ["Form.AnswerMarkdown"] = answer,
        ["Form.Links[0].Title"] = "申請書のページ",
        ["Form.Links[0].Url"] = "https://www.example.jp/shinsei",
        ["Form.LifeEvents"] = "引っ越し",
        ["Form.Fields"] = "住民票・戸籍・印鑑登録",
        ["Form.Keywords"] = "テスト、編集画面",
        ["Form.Visibility"] = "Public",
        ["Form.PublishFrom"] = "",
        ["Form.PublishUntil"] = "",
        ["Form.ChangeNote"] = "編集画面のテスト",
        ["Form.ExpectedRevision"] = expectedRevision?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>Creates a draft through the edit page and returns its id (from the redirect to its edit page).</summary>
    public static async Task<Guid> CreateAsync(HttpClient editor, string question, string answer, CancellationToken ct)
    {
        using var response = await PostAsync(editor, "/console/faq/edit", "/console/faq/edit", Faq(question, answer), ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(EditLocation().Match(response.Headers.Location!.OriginalString).Groups[1].Value);
    }

    /// <summary>Confirms a status change (publish, unpublish, archive) on its confirmation page.</summary>
    public static async Task<HttpResponseMessage> ChangeStatusAsync(HttpClient editor, Guid id, string change, CancellationToken ct)
    {
        var path = $"/console/faq/{id}/status/{change}";
        var page = await editor.GetStringAsync(new Uri(path, UriKind.Relative), ct);
        var revision = ExpectedRevisionField().Match(page).Groups[1].Value;
        return await PostAsync(editor, path, path, [new("expectedRevision", revision)], ct);
    }

    /// <summary>How many of the public search results are the FAQ <paramref name="id"/>.</summary>
    public static async Task<bool> IsFoundAsync(HttpClient client, string query, Guid id, CancellationToken ct)
    {
        var json = await client.GetStringAsync(new Uri($"/api/faq/search?q={Uri.EscapeDataString(query)}&top=20", UriKind.Relative), ct);
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("results").EnumerateArray().Any(r => r.GetProperty("faqId").GetGuid() == id);
    }

    public static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, CancellationToken ct)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(100, ct);
        }

        return false;
    }

    /// <summary>A short random marker that the analyzer keeps as one token, so each test searches for its own FAQ.</summary>
    public static string Marker() => "zq" + new string([.. Guid.NewGuid().ToString("N")[..8].Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16)))]);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("name=\"expectedRevision\" value=\"(\\d+)\"")]
    private static partial Regex ExpectedRevisionField();

    [GeneratedRegex("/console/faq/edit/([0-9a-f-]{36})")]
    private static partial Regex EditLocation();
}
