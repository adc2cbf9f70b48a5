using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using ConversationHub.Faq.KnowledgeBase.Domain;
using ConversationHub.Host.Tests.FaqSite;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Host.Tests.FaqEditor;

/// <summary>
/// Bulk FAQ changes from CSV over real HTTP on SQLite: the dry run, encodings, export round trip and who may use it.
/// The class has its own host, so the export sees no other class's changes mid-test. Applying: <see cref="FaqCsvApplyTests"/>.
/// </summary>
public sealed class FaqCsvImportTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    private HubHost Host => fixture.Host;

    static FaqCsvImportTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public async Task DryRun_MixedFile_ListsChangesAndJapaneseRowErrorsAndChangesNothing()
    {
        // Arrange
        var ct = TestTimeout.Token(60);
        var marker = EditorForms.Marker();
        var kept = await FaqTestData.CreateAsync(Host, ct, question: $"{marker} 更新する質問");
        var archived = await FaqTestData.CreateAsync(Host, ct, question: $"{marker} 削除する質問");
        using var editor = await Host.SignInAsync("faq-editor", ct);
        var csv = FaqCsvForms.Csv(
            $",登録,{marker} 新しい質問,,新しい回答です。,,,{marker},100100,公開,公開,,,,",
            $"{kept.Id},更新,{kept.Question},,更新後の回答です。,,,,,,,,,,",
            $"{archived.Id},削除,,,,,,,,,,,,,",
            ",登録,,,回答だけの行,,,,,,,,,,",
            $"{Guid.NewGuid()},更新,{marker} 存在しない,,回答,,,,,,,,,,",
            $"{kept.Id},更新,{kept.Question},,二度目,,,,,,,,,,",
            $",登録,{marker} 分類違い,,回答,,存在しない分野{marker},,999999,,,,,,",
            $",登録,{new string('長', 501)},,回答,,,,,,,,,,",
            $",移動,{marker} 操作違い,,回答,,,,,,,,,,");

        // Act
        using var response = await FaqCsvForms.PreviewAsync(editor, Encoding.UTF8.GetBytes(csv), ct);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(ct));

        // Assert: valid rows are listed, every error has its row, column and a Japanese message; nothing is stored.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("登録 1件、更新 1件、削除 1件、変更なし 0件、エラー 7件", html, StringComparison.Ordinal);
        Assert.Contains("5行目</td>", html, StringComparison.Ordinal);
        Assert.Contains("質問は必須です。", html, StringComparison.Ordinal);
        Assert.Contains("のFAQはありません。", html, StringComparison.Ordinal);
        Assert.Contains("同じIDが3行目にもあります。", html, StringComparison.Ordinal);
        Assert.Contains($"分野「存在しない分野{marker}」は登録されていません。", html, StringComparison.Ordinal);
        Assert.Contains("担当部署コード「999999」は登録されていません。", html, StringComparison.Ordinal);
        Assert.Contains("質問は500文字以内にしてください（501文字）。", html, StringComparison.Ordinal);
        Assert.Contains("操作「移動」は使えません。", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"planHash\"", html, StringComparison.Ordinal);
        var stored = await FaqTestData.WithFaqDbAsync(Host, async db => new
        {
            Added = await db.Faqs.CountAsync(f => f.Question == $"{marker} 新しい質問", ct),
            Answer = await db.Faqs.Where(f => f.Id == kept.Id).Select(f => f.AnswerMarkdown).SingleAsync(ct),
            Status = await db.Faqs.Where(f => f.Id == archived.Id).Select(f => f.Status).SingleAsync(ct),
            Revisions = await db.Revisions.CountAsync(r => r.FaqId == kept.Id || r.FaqId == archived.Id, ct),
        });
        Assert.Equal((0, kept.AnswerMarkdown, FaqStatus.Published, 0), (stored.Added, stored.Answer, stored.Status, stored.Revisions));
    }

    [Theory]
    [InlineData("sjis", "Shift_JIS")]
    [InlineData("bom", "UTF-8")]
    [InlineData("utf8", "UTF-8")]
    public async Task DryRun_Encodings_AreDetected(string encoding, string label)
    {
        // Arrange
        var ct = TestTimeout.Token(60);
        var marker = EditorForms.Marker();
        using var editor = await Host.SignInAsync("faq-editor", ct);
        var csv = FaqCsvForms.Csv($",登録,{marker} 粗大ごみの申し込み方法は？,,電話で申し込みます。,,,,,,,,,,");
        var bytes = encoding switch
        {
            "sjis" => Encoding.GetEncoding(932).GetBytes(csv),
            "bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)],
            _ => Encoding.UTF8.GetBytes(csv),
        };

        // Act
        using var response = await FaqCsvForms.PreviewAsync(editor, bytes, ct);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(ct));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"文字コード：{label}", html, StringComparison.Ordinal);
        Assert.Contains($"{marker} 粗大ごみの申し込み方法は？", html, StringComparison.Ordinal);
        Assert.Contains("登録 1件、更新 0件、削除 0件、変更なし 0件、エラー 0件", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DryRun_NeitherUtf8NorShiftJis_ReportsEncodingError()
    {
        var ct = TestTimeout.Token(60);
        using var editor = await Host.SignInAsync("faq-editor", ct);

        using var response = await FaqCsvForms.PreviewAsync(editor, [.. Encoding.UTF8.GetBytes(FaqCsvForms.Header + "\r\n"), 0x82, 0xFF, 0xFF, 0x0D, 0x0A], ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("文字コードを判別できません", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(ct)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_ThenImport_HasNoChangesAndNeutralisesFormulas()
    {
        // Arrange: an FAQ whose question and answer look like formulas to Excel.
        var ct = TestTimeout.Token(90);
        var marker = EditorForms.Marker();
        await FaqTestData.CreateAsync(Host, ct, question: $"=HYPERLINK(\"x\") {marker}", answer: "- 箇条書きで始まる回答");
        using var editor = await Host.SignInAsync("faq-editor", ct);

        // Act
        var utf8 = await editor.GetByteArrayAsync(new Uri("/api/faq/export.csv", UriKind.Relative), ct);
        var sjis = await editor.GetByteArrayAsync(new Uri("/api/faq/export.csv?encoding=sjis", UriKind.Relative), ct);
        using var reimport = await FaqCsvForms.PreviewAsync(editor, utf8, ct);
        var html = WebUtility.HtmlDecode(await reimport.Content.ReadAsStringAsync(ct));

        // Assert
        Assert.Equal(Encoding.UTF8.GetPreamble(), utf8[..3]);
        var text = Encoding.UTF8.GetString(utf8[3..]);
        Assert.StartsWith(FaqCsvForms.Header, text, StringComparison.Ordinal);
        Assert.Contains($"\"'=HYPERLINK(\"\"x\"\") {marker}\"", text, StringComparison.Ordinal);
        Assert.Contains("'- 箇条書きで始まる回答", text, StringComparison.Ordinal);
        Assert.StartsWith(FaqCsvForms.Header, Encoding.GetEncoding(932).GetString(sjis), StringComparison.Ordinal);
        Assert.True(reimport.StatusCode == HttpStatusCode.OK, FaqCsvForms.ErrorsOf(html));
        Assert.Contains("登録 0件、更新 0件、削除 0件", html, StringComparison.Ordinal);
        Assert.Contains("エラー 0件", html, StringComparison.Ordinal);
        Assert.Contains("変更する行はありません。", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Access_OperatorAndAnonymous_AreRefused()
    {
        // Arrange
        var ct = TestTimeout.Token(60);
        using var operatorClient = await Host.SignInAsync("operator", ct);
        using var anonymous = Host.CreateBrowserClient();

        // Act
        using var operatorPage = await operatorClient.GetAsync(new Uri("/console/faq/import", UriKind.Relative), ct);
        using var operatorExport = await operatorClient.GetAsync(new Uri("/api/faq/export.csv", UriKind.Relative), ct);
        using var operatorPost = await FaqCsvForms.PreviewAsync(operatorClient, Encoding.UTF8.GetBytes(FaqCsvForms.Csv()), ct, tokenPage: "/console");
        using var anonymousPage = await anonymous.GetAsync(new Uri("/console/faq/import", UriKind.Relative), ct);
        using var anonymousExport = await anonymous.GetAsync(new Uri("/api/faq/export.csv", UriKind.Relative), ct);

        // Assert
        Assert.True(HubHost.IsRedirectTo(operatorPage, "/account/denied"), operatorPage.StatusCode.ToString());
        Assert.Equal(HttpStatusCode.Forbidden, operatorExport.StatusCode);
        Assert.True(HubHost.IsRedirectTo(operatorPost, "/account/denied"), operatorPost.StatusCode.ToString());
        Assert.True(HubHost.IsRedirectTo(anonymousPage, "/account/login"), anonymousPage.StatusCode.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousExport.StatusCode);
    }

    [Fact]
    public async Task Preview_WithoutAntiforgeryToken_IsRefused()
    {
        var ct = TestTimeout.Token(60);
        using var editor = await Host.SignInAsync("faq-editor", ct);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(FaqCsvForms.Csv())), "file", "faqs.csv" } };

        using var response = await editor.PostAsync(new Uri("/console/faq/import?handler=Preview", UriKind.Relative), form, ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
