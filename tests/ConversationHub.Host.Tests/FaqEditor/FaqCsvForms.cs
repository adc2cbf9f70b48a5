using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace ConversationHub.Host.Tests.FaqEditor;

/// <summary>Drives <c>/console/faq/import</c> as a browser does: upload for the dry run, then post the confirm form back.</summary>
internal static class FaqCsvForms
{
    public const string Header = "ID,操作,質問,言い換え,回答,ライフイベント,分野,キーワード,担当部署コード,公開範囲,公開状態,公開開始,公開終了,関連リンク,変更理由";

    public static string ErrorsOf(string html) =>
        html.Contains("id=\"import-errors\"", StringComparison.Ordinal) ? html[html.IndexOf("id=\"import-errors\"", StringComparison.Ordinal)..][..Math.Min(3000, html.Length - html.IndexOf("id=\"import-errors\"", StringComparison.Ordinal))] : "";

    public static string Csv(params string[] rows) => string.Join("\r\n", [Header, .. rows]) + "\r\n";

    public static async Task<HttpResponseMessage> PreviewAsync(HttpClient client, byte[] file, CancellationToken ct, string tokenPage = "/console/faq/import")
    {
        var page = await client.GetStringAsync(new Uri(tokenPage, UriKind.Relative), ct);
        using var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(EditorForms.TokenOf(page)), "__RequestVerificationToken" },
            { content, "file", "faqs.csv" },
        };
        return await client.PostAsync(new Uri("/console/faq/import?handler=Preview", UriKind.Relative), form, ct);
    }

    public static async Task<HttpResponseMessage> ApplyAsync(HttpClient client, string previewHtml, CancellationToken ct)
    {
        string Field(string name) => WebUtility.HtmlDecode(Regex.Match(previewHtml, $"name=\"{name}\" value=\"([^\"]*)\"").Groups[1].Value);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["payload"] = Field("payload"),
            ["fileName"] = Field("fileName"),
            ["fileHash"] = Field("fileHash"),
            ["planHash"] = Field("planHash"),
            ["__RequestVerificationToken"] = EditorForms.TokenOf(previewHtml),
        });
        return await client.PostAsync(new Uri("/console/faq/import?handler=Apply", UriKind.Relative), form, ct);
    }
}
