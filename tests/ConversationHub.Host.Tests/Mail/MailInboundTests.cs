using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ConversationHub.Core.Persistence;
using ConversationHub.Handoff.Mail;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MimeKit;
using static ConversationHub.Host.Tests.Mail.MailTestHelpers;

namespace ConversationHub.Host.Tests.Mail;

/// <summary>
/// Received mail on SQLite: MailKit (or a bare SMTP client, for broken bytes) sends to the host's SMTP listener on
/// 127.0.0.1; a Maildir folder is taken in; everything is stored raw first, parsed whatever its charset, and routed
/// through a recording router.
/// </summary>
public sealed class MailInboundTests
{
    private const string CaseAddress = "soudan+C-2026-000123@city.example.lg.jp";

    static MailInboundTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public async Task SmtpListener_JapaneseCharsetsAttachmentsAndBrokenMultipart_BecomeMessages()
    {
        // Arrange
        var ct = TestTimeout.Token(120);
        var router = new RecordingRouter();
        var port = TestMta.FreePort();
        await using var host = await StartAsync(InboundSettings(port), router, ct);
        var pdf = Enumerable.Range(0, 5000).Select(i => (byte)(i % 251)).ToArray();

        // Act
        await SendAsync(port, Text("iso-2022-jp", "粗大ごみの件（JIS）", "先日の回答ありがとうございます。\n追加で質問です。", "<jis-1@example.jp>", "<case.C-2026-000123.a@city.example.lg.jp>"), ct);
        await SendAsync(port, Text("shift_jis", "住民票の件（SJIS）", "住民票の写しは郵送で請求できますか。", "<sjis-1@example.jp>", null), ct);
        var withAttachment = Text("utf-8", "領収書を添付します", "添付のとおりです。", "<utf8-1@example.jp>", null);
        var builder = new BodyBuilder { TextBody = "添付のとおりです。" };
        builder.Attachments.Add("領収書.pdf", pdf, new ContentType("application", "pdf"));
        withAttachment.Body = builder.ToMessageBody();
        await SendAsync(port, withAttachment, ct);
        var broken = Encoding.UTF8.GetBytes(
            "From: 佐藤 <sato@example.jp>\r\nTo: " + CaseAddress + "\r\nSubject: =?UTF-8?B?" + Convert.ToBase64String(Encoding.UTF8.GetBytes("壊れたメール")) + "?=\r\n" +
            "Message-ID: <broken-1@example.jp>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"XYZ\"\r\n\r\n" +
            "--XYZ\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n境界が閉じていない本文です。\r\n--XYZ\r\nContent-Type: application/octet-stream; name=\"a.bin\"\r\nContent-Transfer-Encoding: base64\r\n\r\nAAEC!!!not-base64\r\n");
        Assert.StartsWith("250", await RawSmtp.SendAsync(port, "sato@example.jp", CaseAddress, broken, ct), StringComparison.Ordinal);
        await Eventually.UntilAsync(() => router.Calls.Count >= 4 ? "routed" : null, "four routed messages", ct);

        // Assert
        var byId = router.Calls.ToDictionary(c => c.MessageId ?? "", StringComparer.Ordinal);
        var jis = byId["<jis-1@example.jp>"];
        Assert.Equal("粗大ごみの件（JIS）", jis.Subject);
        Assert.Contains("追加で質問です。", jis.TextBody, StringComparison.Ordinal);
        Assert.Equal("<case.C-2026-000123.a@city.example.lg.jp>", jis.InReplyTo);
        Assert.Equal(["<case.C-2026-000123.a@city.example.lg.jp>"], jis.References);
        Assert.Equal("yamada@example.jp", jis.FromAddress);
        Assert.Equal("山田 花子", jis.FromName);
        Assert.Contains(CaseAddress, jis.ToAddresses);
        Assert.Null(jis.ParseWarning);
        var sjis = byId["<sjis-1@example.jp>"];
        Assert.Equal("住民票の件（SJIS）", sjis.Subject);
        Assert.Contains("郵送で請求できますか", sjis.TextBody, StringComparison.Ordinal);
        var utf8 = byId["<utf8-1@example.jp>"];
        var attachment = Assert.Single(utf8.Attachments);
        Assert.Equal(new InboundAttachment(0, "領収書.pdf", "application/pdf", pdf.Length), attachment);
        var opened = await host.Services.GetRequiredService<MailInbox>().OpenAttachmentAsync(utf8.InboxId, 0, ct);
        Assert.Equal(pdf, opened!.Content);
        Assert.Null(await host.Services.GetRequiredService<MailInbox>().OpenAttachmentAsync(utf8.InboxId, 1, ct));
        var brokenMessage = byId["<broken-1@example.jp>"];
        Assert.Equal("壊れたメール", brokenMessage.Subject);
        Assert.Contains("境界が閉じていない本文です。", brokenMessage.TextBody, StringComparison.Ordinal);
        // Every message is stored and routed to its case; nothing about the citizen is in the logs.
        var rows = await InboxAsync(host, ct);
        Assert.All(rows, r => Assert.Equal(InboundMailState.Routed, r.State));
        Assert.All(rows, r => Assert.Equal(router.Cases[r.Id], r.CaseId));
        Assert.DoesNotContain(host.Logs, l => l.Contains("yamada@example.jp", StringComparison.Ordinal) || l.Contains("住民票", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SmtpListener_Garbage_KeptRawWithWarningAndRouted()
    {
        // Arrange
        var ct = TestTimeout.Token(120);
        var router = new RecordingRouter();
        var port = TestMta.FreePort();
        await using var host = await StartAsync(InboundSettings(port), router, ct);
        var garbage = Encoding.GetEncoding(932).GetBytes("これはメールではありません\r\n\u0001\u0002 ただのバイト列\r\n");

        // Act
        var reply = await RawSmtp.SendAsync(port, "x@example.jp", CaseAddress, garbage, ct);
        await Eventually.UntilAsync(() => router.Calls.IsEmpty ? null : "routed", "the garbage routed", ct);

        // Assert
        Assert.StartsWith("250", reply, StringComparison.Ordinal);
        var message = Assert.Single(router.Calls);
        Assert.True(message.ParseWarning is not null, JsonSerializer.Serialize(message));
        Assert.Contains("ただのバイト列", message.TextBody, StringComparison.Ordinal);
        var row = Assert.Single(await InboxAsync(host, ct));
        Assert.Equal(InboundMailState.Routed, row.State);
        Assert.Equal(message.ParseWarning, row.ParseWarning);
        // As received, after the envelope's X-Original-To (SmtpServer hands over the data without the CRLF before the final dot).
        Assert.True(row.RawBytes().AsSpan().EndsWith(garbage.AsSpan()[..^2]), "the raw bytes are kept as received");
    }

    [Fact]
    public async Task Router_Throws_MessageKeptAndRetriedLater()
    {
        // Arrange
        var ct = TestTimeout.Token(120);
        var router = new RecordingRouter();
        router.FailNext(1);
        var port = TestMta.FreePort();
        var settings = InboundSettings(port);
        settings["Mail:Inbound:FirstRoutingRetryDelay"] = "00:00:01";
        await using var host = await StartAsync(settings, router, ct);

        // Act
        await SendAsync(port, Text("utf-8", "再送のテスト", "本文", "<retry-1@example.jp>", null), ct);
        var failed = await Eventually.UntilAsync(async () => (await InboxAsync(host, ct)).SingleOrDefault(r => r.State == InboundMailState.RoutingFailed), "routing failed", ct);
        var routed = await Eventually.UntilAsync(async () => await InboundAsync(host, failed.Id, ct) is { State: InboundMailState.Routed } r ? r : null, "routed on retry", ct);

        // Assert
        Assert.Equal("router threw InvalidOperationException", failed.LastError);
        Assert.Equal(2, routed.Attempts);
        Assert.Null(routed.LastError);
        Assert.Equal(2, router.Calls.Count);
        Assert.All(router.Calls, c => Assert.Equal(failed.Id, c.InboxId));
        Assert.Equal(router.Cases[failed.Id], routed.CaseId);
    }

    [Fact]
    public async Task NoRouter_MessageStaysUnroutedAndVisible()
    {
        // Arrange
        var ct = TestTimeout.Token(120);
        var port = TestMta.FreePort();
        await using var host = await StartAsync(InboundSettings(port), router: null, ct);

        // Act
        await SendAsync(port, Text("utf-8", "ルーターなし", "本文", "<norouter-1@example.jp>", null), ct);
        var row = await Eventually.UntilAsync(async () => (await InboxAsync(host, ct)).SingleOrDefault(r => r.State == InboundMailState.Unrouted), "unrouted", ct);

        // Assert
        using var supervisor = await host.SignInAsync("supervisor", ct);
        var list = await supervisor.GetFromJsonAsync<JsonElement>("/api/mail/inbox?state=Unrouted", ct);
        Assert.Contains(list.EnumerateArray(), i => i.GetProperty("id").GetGuid() == row.Id);
        var read = await host.Services.GetRequiredService<MailInbox>().ReadAsync(row.Id, ct);
        Assert.Equal("ルーターなし", read!.Subject);
    }

    [Fact]
    public async Task Maildir_NewFiles_StoredMovedAndNeverDuplicated()
    {
        // Arrange
        var ct = TestTimeout.Token(120);
        var maildir = Directory.CreateTempSubdirectory("hub-maildir-");
        try
        {
            foreach (var folder in new[] { "new", "cur", "tmp" })
            {
                Directory.CreateDirectory(Path.Combine(maildir.FullName, folder));
            }

            const string unique = "1765000000.M1P42Q1.mailhost";
            var message = Text("iso-2022-jp", "Maildirの件", "Maildir経由の問い合わせです。", "<maildir-1@example.jp>", null);
            message.Headers.Insert(0, new Header("Delivered-To", CaseAddress));
            await File.WriteAllBytesAsync(Path.Combine(maildir.FullName, "tmp", "1765000001.M2P42Q2.mailhost"), Encoding.ASCII.GetBytes("Subject: half written"), ct);
            await message.WriteToAsync(Path.Combine(maildir.FullName, "new", unique), ct);
            var router = new RecordingRouter();
            var settings = new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["Mail:Inbound:Maildir"] = maildir.FullName,
                ["Mail:Inbound:MaildirPollInterval"] = "00:00:00.500",
            };
            await using var host = await StartAsync(settings, router, ct);

            // Act
            var moved = Path.Combine(maildir.FullName, "cur", unique + ":2,S");
            await Eventually.UntilAsync(() => File.Exists(moved) && !router.Calls.IsEmpty ? "moved" : null, "the file moved to cur/ and routed", ct);
            // A node that stored the file and died before moving it leaves it in new/: it must not be stored twice.
            // Put back as an MDA delivers (write in tmp/, rename into new/), so the watcher never sees half a file.
            var leftover = Path.Combine(maildir.FullName, "tmp", unique);
            File.Copy(moved, leftover);
            File.Move(leftover, Path.Combine(maildir.FullName, "new", unique));
            await Eventually.UntilAsync(() => File.Exists(Path.Combine(maildir.FullName, "new", unique)) ? null : "moved again", "the leftover moved", ct);
            await Task.Delay(1000, ct);

            // Assert
            var row = Assert.Single(await InboxAsync(host, ct));
            Assert.Equal("maildir:" + unique, row.SourceKey);
            Assert.Equal("maildir", row.Source);
            var routed = Assert.Single(router.Calls);
            Assert.Equal("Maildirの件", routed.Subject);
            Assert.Contains(CaseAddress, routed.ToAddresses);
            Assert.Equal([unique + ":2,S"], Directory.GetFiles(Path.Combine(maildir.FullName, "cur")).Select(Path.GetFileName));
            Assert.Equal(["1765000001.M2P42Q2.mailhost"], Directory.GetFiles(Path.Combine(maildir.FullName, "tmp")).Select(Path.GetFileName));
        }
        finally
        {
            maildir.Delete(recursive: true);
        }
    }

    private static Dictionary<string, string?> InboundSettings(int port) => new(StringComparer.Ordinal)
    {
        ["Mail:Inbound:SmtpPort"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static async Task<HubHost> StartAsync(Dictionary<string, string?> settings, RecordingRouter? router, CancellationToken ct)
    {
        var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, ct);
        return HubHost.Start(database, ownsDatabase: true, TestPii.CreateOptions(), settings, services =>
        {
            // The cases' router is the host's own; these tests record calls, or run with no router at all.
            services.RemoveAll<IInboundMailRouter>();
            if (router is not null)
            {
                services.AddScoped<IInboundMailRouter>(_ => router);
            }
        });
    }

    private static MimeMessage Text(string charset, string subject, string body, string messageId, string? inReplyTo)
    {
        var encoding = Encoding.GetEncoding(charset);
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("山田 花子", "yamada@example.jp"));
        message.To.Add(MailboxAddress.Parse(CaseAddress));
        message.Headers.Replace(HeaderId.Subject, encoding, subject);
        message.MessageId = messageId.Trim('<', '>');
        if (inReplyTo is not null)
        {
            message.InReplyTo = inReplyTo.Trim('<', '>');
            message.References.Add(inReplyTo.Trim('<', '>'));
        }

        var part = new TextPart("plain");
        part.SetText(encoding, body);
        part.ContentTransferEncoding = charset == "iso-2022-jp" ? ContentEncoding.SevenBit : ContentEncoding.Base64;
        message.Body = part;
        return message;
    }

    private static async Task SendAsync(int port, MimeMessage message, CancellationToken ct)
    {
        using var client = new SmtpClient();
        await client.ConnectAsync("127.0.0.1", port, SecureSocketOptions.None, ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
    }
}
