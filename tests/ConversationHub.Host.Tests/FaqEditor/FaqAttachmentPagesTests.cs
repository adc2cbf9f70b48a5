using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using ConversationHub.Faq.Site;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;

namespace ConversationHub.Host.Tests.FaqEditor;

/// <summary>Attachments: the type is read from the bytes, the size is limited, files are served from the database with an ETag.</summary>
public abstract partial class FaqAttachmentPagesTests(HostFixture fixture)
{
    // The smallest valid PNG header and a PDF header; what follows the magic number does not matter to the check.
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, .. "IHDR"u8];
    private static readonly byte[] Pdf = [.. "%PDF-1.7\n%テスト\n1 0 obj\n<<>>\nendobj\n%%EOF\n"u8];

    private HubHost Host => fixture.Host;

    [Fact]
    public async Task Upload_PdfAndImage_AreListedServedWithETagAndShownOnThePublicPage()
    {
        // Arrange: a published FAQ.
        var ct = TestTimeout.Token(60);
        var marker = EditorForms.Marker();
        using var editor = await Host.SignInAsync("faq-editor", ct);
        using var citizen = Host.CreateBrowserClient();
        var question = $"{marker} の申請書はありますか？";
        var id = await EditorForms.CreateAsync(editor, question, "申請書を添付しています。", ct);
        (await EditorForms.ChangeStatusAsync(editor, id, "publish", ct)).Dispose();

        // Act
        using var pdf = await UploadAsync(editor, id, "申請書.pdf", Pdf, "application/octet-stream", ct);
        using var png = await UploadAsync(editor, id, "地図.PNG", Png, "image/png", ct);
        var list = await editor.GetStringAsync(new Uri($"/console/faq/{id}/attachments", UriKind.Relative), ct);
        var page = await citizen.GetStringAsync(new Uri(FaqSlug.CanonicalPath(id, question), UriKind.Relative), ct);
        var link = FileLink().Match(page).Value;
        using var download = await citizen.GetAsync(new Uri(link, UriKind.Relative), ct);
        var bytes = await download.Content.ReadAsByteArrayAsync(ct);
        using var revalidate = new HttpRequestMessage(HttpMethod.Get, new Uri(link, UriKind.Relative));
        revalidate.Headers.IfNoneMatch.Add(download.Headers.ETag!);
        using var notModified = await citizen.SendAsync(revalidate, ct);

        // Assert
        Assert.True(HubHost.IsRedirectTo(pdf, "done=uploaded"));
        Assert.True(HubHost.IsRedirectTo(png, "done=uploaded"));
        Assert.Contains("申請書.pdf", list, StringComparison.Ordinal);
        Assert.Contains("image/png", list, StringComparison.Ordinal);
        Assert.Contains("申請書.pdf", page, StringComparison.Ordinal);
        Assert.Contains("地図.PNG", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Pdf, bytes);
        Assert.NotNull(download.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Theory]
    [InlineData("偽物.pdf", "notpdf", "拡張子とファイルの中身")] // a PNG named .pdf
    [InlineData("メモ.txt", "text", "PDFと画像")]
    [InlineData("中身はテキスト.pdf", "textpdf", "PDFと画像")]
    [InlineData("大きい.pdf", "toobig", "ファイルが大きすぎます。10MB以下")]
    public async Task Upload_Refused_ShowsJapaneseErrorAndStoresNothing(string fileName, string content, string expected)
    {
        // Arrange
        var ct = TestTimeout.Token(60);
        using var editor = await Host.SignInAsync("faq-editor", ct);
        var id = await EditorForms.CreateAsync(editor, $"{EditorForms.Marker()} 添付の拒否", "回答です。", ct);
        byte[] bytes = content switch
        {
            "notpdf" => Png,
            "toobig" => [.. Pdf, .. new byte[10 * 1024 * 1024]],
            _ => "これはPDFではありません。"u8.ToArray(),
        };

        // Act
        using var response = await UploadAsync(editor, id, fileName, bytes, "application/pdf", ct);
        var html = await response.Content.ReadAsStringAsync(ct);
        var list = await editor.GetStringAsync(new Uri($"/console/faq/{id}/attachments", UriKind.Relative), ct);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, html, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"file-hint file-error\"", html, StringComparison.Ordinal);
        Assert.Contains("添付ファイルはありません。", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remove_Attachment_IsGoneFromListAndDownload()
    {
        // Arrange
        var ct = TestTimeout.Token(60);
        using var editor = await Host.SignInAsync("faq-editor", ct);
        using var citizen = Host.CreateBrowserClient();
        var question = $"{EditorForms.Marker()} 削除する添付";
        var id = await EditorForms.CreateAsync(editor, question, "回答です。", ct);
        (await EditorForms.ChangeStatusAsync(editor, id, "publish", ct)).Dispose();
        (await UploadAsync(editor, id, "消す.pdf", Pdf, "application/pdf", ct)).Dispose();
        var link = FileLink().Match(await citizen.GetStringAsync(new Uri(FaqSlug.CanonicalPath(id, question), UriKind.Relative), ct)).Value;
        var attachmentId = link[(link.LastIndexOf('/') + 1)..];

        // Act
        using var removed = await EditorForms.PostAsync(editor, $"/console/faq/{id}/attachments", $"/console/faq/{id}/attachments?handler=remove", [new("attachmentId", attachmentId)], ct);
        using var download = await citizen.GetAsync(new Uri(link, UriKind.Relative), ct);

        // Assert
        Assert.True(HubHost.IsRedirectTo(removed, "done=removed"));
        Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
        Assert.Contains("添付ファイルはありません。", await editor.GetStringAsync(new Uri($"/console/faq/{id}/attachments", UriKind.Relative), ct), StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient editor, Guid id, string fileName, byte[] bytes, string declaredType, CancellationToken ct)
    {
        var path = $"/console/faq/{id}/attachments";
        var page = await editor.GetStringAsync(new Uri(path, UriKind.Relative), ct);
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(EditorForms.TokenOf(page)), "__RequestVerificationToken");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(declaredType);
        form.Add(file, "file", fileName);
        return await editor.PostAsync(new Uri(path, UriKind.Relative), form, ct);
    }

    [GeneratedRegex("/faq/[0-9a-f-]{36}/files/[0-9a-f-]{36}")]
    private static partial Regex FileLink();
}

public sealed class SqliteFaqAttachmentPagesTests(SqliteHostFixture fixture) : FaqAttachmentPagesTests(fixture), IClassFixture<SqliteHostFixture>;

public sealed class PostgresFaqAttachmentPagesTests(PostgresHostFixture fixture) : FaqAttachmentPagesTests(fixture), IClassFixture<PostgresHostFixture>;
