using System.Net;
using System.Text;
using System.Text.Json;
using ConversationHub.Core.ContactEvents.Domain;
using ConversationHub.Core.Persistence;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Host.Tests.Mail;
using ConversationHub.Testing;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace ConversationHub.Host.Tests.Cases;

/// <summary>
/// The whole way of a case by mail, with real SMTP on 127.0.0.1 both ways: the operator escalates, the department is
/// notified (no personal data), answers, the approver approves, the reply reaches the citizen's mail server with the
/// case's token in Reply-To, and the citizen's reply — in ISO-2022-JP, as older Japanese mailers send — lands on the
/// same case and reopens it. Mail for no case makes a new one.
/// </summary>
public sealed class CaseMailEndToEndTests
{
    private const string CenterAddress = "center@city.example.lg.jp";
    private const string DepartmentAddress = "shimin@city.wakabadai.example.jp";

    static CaseMailEndToEndTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public async Task Create_Escalate_Answer_Approve_Send_CitizenReplies_ThreadedOntoTheCase()
    {
        var ct = TestTimeout.Token(180);
        await using var mta = TestMta.Start();
        var inboundPort = TestMta.FreePort();
        var settings = MailTestHelpers.SmtpSettings(mta);
        settings["Mail:Inbound:SmtpPort"] = inboundPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Mail:Inbound:RoutingInterval"] = "00:00:01";
        settings["Cases:CenterEmail"] = CenterAddress;
        settings["Cases:ConsoleBaseUrl"] = "https://hub.city.example.lg.jp";
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, settings, ct);
        var citizensDivision = await CaseTestSupport.DepartmentAsync(host, CaseTestSupport.CitizensDivision);
        using var op = await host.SignInAsync("operator", ct);
        using var dept = await host.SignInAsync("dept-staff", ct);
        using var approver = await host.SignInAsync("approver", ct);

        // Create and escalate: the department's mailbox gets a link, never the citizen's data.
        var created = await op.CreateCaseAsync(new
        {
            subject = "国民健康保険の切り替え",
            description = "退職したので国民健康保険に切り替えたい",
            contactName = "郵送 花子",
            contactEmail = "hanako.yuusou@example.jp",
            contactPhone = "09012345678",
        }, ct);
        var id = created.GetProperty("id").GetGuid();
        var number = created.GetProperty("number").GetString()!;
        await op.PostJsonAsync($"/api/cases/{id}/escalate", new { departmentId = citizensDivision, reasons = new[] { "personal_data" } }, HttpStatusCode.OK, ct);
        var notice = await ReceivedAsync(mta, m => m.To.Mailboxes.Any(a => a.Address == DepartmentAddress) && (m.Subject ?? "").Contains("エスカレーション", StringComparison.Ordinal), ct);
        Assert.Contains(number, notice.Subject, StringComparison.Ordinal);
        Assert.Contains($"https://hub.city.example.lg.jp/console/cases/{id}", notice.TextBody, StringComparison.Ordinal);
        Assert.Contains("個人情報が必要", notice.TextBody, StringComparison.Ordinal);
        foreach (var personal in new[] { "郵送", "花子", "hanako", "09012345678", "国民健康保険" })
        {
            Assert.DoesNotContain(personal, notice.TextBody + notice.Subject, StringComparison.Ordinal);
        }

        // The department answers from a template; its approvers are asked; the approver approves.
        var catalog = await dept.GetJsonAsync("/api/cases/catalog", HttpStatusCode.OK, ct);
        var template = catalog.GetProperty("templates").EnumerateArray().First(t => t.GetProperty("name").GetString() == "回答（基本）").GetProperty("id").GetGuid();
        var filled = await dept.GetJsonAsync($"/api/cases/{id}/templates/{template}", HttpStatusCode.OK, ct);
        Assert.Contains(number, filled.GetProperty("subject").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("郵送 花子 様", filled.GetProperty("body").GetString(), StringComparison.Ordinal);
        var body = filled.GetProperty("body").GetString()!.Replace("（回答をここに書きます）", "退職日から14日以内に、保険年金課の窓口で手続きしてください。", StringComparison.Ordinal);
        var submitted = await dept.PostJsonAsync($"/api/cases/{id}/replies", new { subject = filled.GetProperty("subject").GetString(), body }, HttpStatusCode.OK, ct);
        await ReceivedAsync(mta, m => m.To.Mailboxes.Any(a => a.Address == DepartmentAddress) && (m.Subject ?? "").Contains("承認", StringComparison.Ordinal), ct);
        var replyId = submitted.GetProperty("replies")[0].GetProperty("id").GetGuid();
        Assert.DoesNotContain(mta.Accepted, a => a.Message.To.Mailboxes.Any(m => m.Address == "hanako.yuusou@example.jp"));
        await approver.PostJsonAsync($"/api/cases/{id}/replies/{replyId}/approve", new { }, HttpStatusCode.OK, ct);

        // The reply reaches the citizen's server once, threaded by the case's token and Message-ID.
        var reply = await ReceivedAsync(mta, m => m.To.Mailboxes.Any(a => a.Address == "hanako.yuusou@example.jp"), ct);
        Assert.Equal(MailTestHelpers.CityAddress, reply.From.Mailboxes.Single().Address);
        var replyTo = reply.ReplyTo.Mailboxes.Single().Address;
        Assert.Matches(@"^soudan\+[a-z2-9]{16}@city\.example\.lg\.jp$", replyTo);
        Assert.StartsWith($"case.{number}.", reply.MessageId, StringComparison.Ordinal);
        Assert.Contains("退職日から14日以内に", reply.TextBody, StringComparison.Ordinal);
        var sent = await CaseWhenAsync(op, id, view => view.GetProperty("entries").EnumerateArray()
            .Any(e => e.GetProperty("kind").GetString() == "OutboundMail" && e.GetProperty("mailState").GetString() == "送信済み"), "the reply marked 送信済み", ct);
        Assert.Equal("Answered", sent.GetProperty("status").GetString());

        // The citizen replies in ISO-2022-JP to the Reply-To address: the mail lands on the case and reopens it.
        var answer = new MimeMessage();
        answer.From.Add(new MailboxAddress("郵送 花子", "hanako.yuusou@example.jp"));
        answer.To.Add(MailboxAddress.Parse(replyTo));
        answer.Subject = "Re: " + reply.Subject;
        answer.InReplyTo = reply.MessageId;
        answer.References.Add(reply.MessageId!);
        answer.MessageId = "reply-1@example.jp";
        var text = new TextPart("plain");
        text.SetText(Encoding.GetEncoding("iso-2022-jp"), "ありがとうございます。\n必要な持ち物も教えてください。");
        answer.Body = text;
        await SendAsync(inboundPort, answer, ct);
        // The page reads the case and its timeline one after the other: wait for both to show the reply.
        var reopened = await CaseWhenAsync(op, id, view => view.GetProperty("entries").EnumerateArray().Any(e => e.GetProperty("kind").GetString() == "InboundMail")
            && view.GetProperty("status").GetString() != "Answered", "the citizen's reply on the case", ct);
        var inbound = reopened.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("kind").GetString() == "InboundMail");
        Assert.Contains("必要な持ち物も教えてください。", inbound.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("InProgress", reopened.GetProperty("status").GetString());
        Assert.Equal(["mail_received", "reopened"], reopened.GetProperty("history").EnumerateArray().TakeLast(2).Select(h => h.GetProperty("action").GetString()));

        // A second reply to the plain city address is threaded by References alone.
        var second = new MimeMessage();
        second.From.Add(new MailboxAddress("郵送 花子", "hanako.yuusou@example.jp"));
        second.To.Add(MailboxAddress.Parse(MailTestHelpers.CityAddress));
        second.Subject = "追伸";
        second.References.Add("reply-1@example.jp");
        second.References.Add(reply.MessageId!);
        second.MessageId = "reply-2@example.jp";
        second.Body = new TextPart("plain") { Text = "マイナンバーカードは必要ですか。" };
        await SendAsync(inboundPort, second, ct);
        await CaseWhenAsync(op, id, view => view.GetProperty("entries").EnumerateArray().Count(e => e.GetProperty("kind").GetString() == "InboundMail") == 2,
            "the second reply on the same case", ct);

        // Mail for no known case makes a new e-mail case, with its sender as the contact — even when the form has a
        // required field the mail cannot answer (staff fill it in later).
        using var admin = await host.SignInAsync("admin", ct);
        await admin.PostJsonAsync("/api/cases/catalog/fields", new { key = "ward", label = "お住まいの地区", type = "Text", scope = "InquiryForm", required = true }, HttpStatusCode.OK, ct);
        var fresh = new MimeMessage();
        fresh.From.Add(new MailboxAddress("新規 太郎", "taro.shinki@example.jp"));
        fresh.To.Add(MailboxAddress.Parse(MailTestHelpers.CityAddress));
        fresh.Subject = "ごみの分別について";
        fresh.MessageId = "fresh-1@example.jp";
        fresh.Body = new TextPart("plain") { Text = "スプレー缶は何ごみですか。" };
        await SendAsync(inboundPort, fresh, ct);
        var list = await Eventually.UntilAsync(async () =>
        {
            var page = await op.GetJsonAsync("/api/cases?q=taro.shinki", HttpStatusCode.OK, ct);
            return page.GetProperty("total").GetInt32() == 1 ? new Box(page) : null;
        }, "a new case for the new mail", ct);
        var row = list.Value.GetProperty("rows")[0];
        Assert.Equal("Email", row.GetProperty("channel").GetString());
        Assert.Equal("ごみの分別について", row.GetProperty("subject").GetString());
        Assert.Equal("新規 太郎", row.GetProperty("contactName").GetString());

        // The new mail is a contact that arrived by e-mail (the replies threaded onto a case are not new contacts).
        await using var scope = host.Services.CreateAsyncScope();
        var arrivals = await scope.ServiceProvider.GetRequiredService<HubDbContext>().ContactEvents.AsNoTracking()
            .Where(e => e.Kind == ContactEventKind.Arrived && e.Channel == ContactChannel.Email).ToListAsync(ct);
        Assert.Contains(arrivals, e => e.CaseId == row.GetProperty("id").GetGuid());
    }

    private sealed record Box(JsonElement Value);

    private static async Task<JsonElement> CaseWhenAsync(HttpClient client, Guid id, Func<JsonElement, bool> done, string what, CancellationToken ct) =>
        (await Eventually.UntilAsync(async () =>
        {
            var view = await client.GetJsonAsync($"/api/cases/{id}", HttpStatusCode.OK, ct);
            return done(view) ? new Box(view) : null;
        }, what, ct)).Value;

    private static async Task<MimeMessage> ReceivedAsync(TestMta mta, Func<MimeMessage, bool> match, CancellationToken ct) =>
        await Eventually.UntilAsync(() => Task.FromResult(mta.Accepted.Select(a => a.Message).FirstOrDefault(match)), "a message at the test mail server", ct);

    private static async Task SendAsync(int port, MimeMessage message, CancellationToken ct)
    {
        using var client = new SmtpClient();
        await client.ConnectAsync("127.0.0.1", port, SecureSocketOptions.None, ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
    }
}
