using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConversationHub.Core.Persistence;
using ConversationHub.Handoff.Mail;
using ConversationHub.Host.Tests.Cases;
using ConversationHub.Host.Tests.DirectLine;
using ConversationHub.Host.Tests.FaqSite;
using ConversationHub.Host.Tests.Handoff;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Host.Tests.Inquiry;
using ConversationHub.Host.Tests.Line;
using ConversationHub.Host.Tests.Mail;
using ConversationHub.Testing;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Serilog.Core;

namespace ConversationHub.Host.Tests.Logs;

/// <summary>
/// Issue 18, "Operating it → Logs": a phone number and an e-mail address go through every channel (FAQ search, web chat,
/// LINE, the phone, the inquiry form, received mail, a handoff with the agent's reply, a case typed in by staff and a
/// case search), with the platform's own categories at Debug; the structured JSON log the host wrote holds neither, in
/// any form, while it does hold request lines with their request id and lines with the conversation's id.
/// </summary>
public sealed class PersonalDataLogTests
{
    private const string Phone = "090-1234-5678";
    private const string PhoneDigits = "09012345678";
    private const string PhoneE164 = "+819012345678";
    private const string Email = "taro.yamada.test@example.jp";
    private const string Said = $"電話番号は{Phone}（{PhoneDigits}）、メールは{Email}です";

    // Every form the number or the address could take in a log line.
    private static readonly string[] Forbidden = [Phone, PhoneDigits, "9012345678", "1234-5678", "12345678", Email, "taro.yamada.test", "yamada.test@"];

    [Fact]
    public async Task EveryChannel_PhoneNumberAndEmailAddress_NeverInTheLogs()
    {
        // Arrange: the host with LINE (on a stub), the SMTP listener, the inquiry form and a contact center open now,
        // the platform's categories at Debug, and every log event also kept as the console's JSON line.
        var ct = TestTimeout.Token(300);
        var json = new JsonLinesSink();
        var smtpPort = TestMta.FreePort();
        await using var lineApi = await LineStubApi.StartAsync();
        var settings = HandoffSettings.OpenAllDay(LineHostFixture.Settings(lineApi.BaseUrl));
        settings["Logging:LogLevel:Default"] = "Information";
        settings["Logging:LogLevel:ConversationHub"] = "Debug";
        settings["Mail:Inbound:SmtpPort"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Inquiry:MinFillTime"] = "00:00:01";
        settings["Inquiry:RateLimitPermits"] = "1000";
        settings["DirectLine:AnonymousTokensPerWindow"] = "1000";
        string lineUserId;
        Guid chatId;
        await using (var host = HubHost.Start(await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, ct), ownsDatabase: true, TestPii.CreateOptions(), settings,
            services => services.AddSingleton<ILogEventSink>(json)))
        {
            // Act
            await SearchTheFaqSiteAsync(host, ct);
            chatId = await HandOffAWebChatAsync(host, ct);
            lineUserId = await TalkOnLineAsync(host, lineApi, ct);
            await CallThePhoneLineAsync(host, ct);
            await SendTheInquiryFormAsync(host, ct);
            await SendAMailAsync(host, smtpPort, ct);
            await TypeInAndSearchACaseAsync(host, ct);

            // The host's other logging providers get the same events, exceptions included.
            Assert.All(Forbidden.Append(lineUserId), token => Assert.DoesNotContain(host.Logs, l => l.Contains(token, StringComparison.Ordinal)));
        }

        // Assert
        var lines = json.Lines.ToList();
        var events = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.True(events.Count >= 50, $"only {events.Count} log lines");
        Assert.All(Forbidden.Append(lineUserId), token => Assert.DoesNotContain(lines, l => l.Contains(token, StringComparison.Ordinal)));
        var requests = events.Where(e => Property(e, "SourceContext") == "Serilog.AspNetCore.RequestLoggingMiddleware").ToList();
        Assert.Contains(requests, e => Property(e, "RouteTemplate") == "search" && Property(e, "RequestPath") == "/search" && Property(e, "RequestId") is { Length: > 0 });
        Assert.Contains(requests, e => Property(e, "ConversationId") == chatId.ToString() && Property(e, "StatusCode") == "200");
        Assert.All(events, e => Assert.True(e.TryGetProperty("@t", out _) && e.TryGetProperty("@m", out _) && Property(e, "Node") is { Length: > 0 }));
        Assert.Contains(events, e => Property(e, "SourceContext")?.StartsWith("ConversationHub.", StringComparison.Ordinal) == true && Property(e, "ConversationId") == chatId.ToString());
    }

    private static string? Property(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.ToString() : null;

    private static async Task SearchTheFaqSiteAsync(HubHost host, CancellationToken ct)
    {
        using var citizen = host.CreateBrowserClient();
        foreach (var query in new[] { Phone, PhoneDigits, Email, Said })
        {
            using var response = await citizen.GetAsync(new Uri("/search?q=" + Uri.EscapeDataString(query), UriKind.Relative), ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    /// <summary>Web chat over Direct Line: the citizen asks for a person, the agent accepts, both write the details, the agent closes.</summary>
    private static async Task<Guid> HandOffAWebChatAsync(HubHost host, CancellationToken ct)
    {
        await using var agent = await AgentClient.ConnectAsync(host, "operator", ct);
        Assert.True((await agent.AvailableAsync(ct)).Ok);
        using var citizen = new DirectLineTestClient(host.CreateClient());
        await citizen.StartAsync(ct);
        await citizen.SayAsync(Said, "p-1", ct);
        await citizen.SayAsync("オペレーターと話す", "p-2", ct);
        var conversationId = Guid.Parse(citizen.ConversationId);
        await agent.WaitForOfferAsync(conversationId, ct);
        Assert.True((await agent.ActAsync("Accept", ct, conversationId)).Ok);
        await citizen.SayAsync(Said, "p-3", ct);
        Assert.True((await agent.ActAsync("Send", ct, conversationId, $"{Email} と {Phone} で承りました。", "a-1")).Ok);
        Assert.True((await agent.ActAsync("AddNote", ct, conversationId, $"連絡先 {PhoneDigits} {Email}")).Ok);
        await citizen.PollUntilAsync(a => a.Any(x => DirectLineTestClient.TextOf(x).Contains("承りました", StringComparison.Ordinal)), ct);
        Assert.True((await agent.ActAsync("Close", ct, conversationId, "resolved")).Ok);
        return conversationId;
    }

    /// <summary>LINE: a signed webhook with the details as text; the bot answers through the stub's reply API.</summary>
    private static async Task<string> TalkOnLineAsync(HubHost host, LineStubApi lineApi, CancellationToken ct)
    {
        using var webhook = new LineWebhookClient(host.CreateClient(), LineHostFixture.ChannelSecret);
        var userId = LineWebhookClient.NewUserId();
        var token = "reply-" + Guid.NewGuid().ToString("N");
        Assert.Equal(HttpStatusCode.OK, await webhook.PostAsync(ct, LineWebhookClient.Text(userId, Said, token)));
        await Eventually.UntilAsync(() => lineApi.Replies(token).FirstOrDefault(), "the bot's LINE reply", ct);
        return userId;
    }

    /// <summary>The phone: a call from the number to the city's line (ACS events through the stand-in), which says the details.</summary>
    private static async Task CallThePhoneLineAsync(HubHost host, CancellationToken ct)
    {
        using var staff = await host.SignInAsync("operator", ct);
        var book = (await staff.GetFromJsonAsync<JsonObject>("/api/voice/simulator/lines", ct))!;
        var line = (string)book["lines"]![0]!["number"]!;
        using var placed = await staff.PostAsJsonAsync("/api/voice/simulator/calls", new { from = PhoneE164, to = line }, ct);
        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
        var id = (string)(await placed.Content.ReadFromJsonAsync<JsonObject>(ct))!["id"]!;
        await Eventually.UntilAsync(
            async () => (string?)(await staff.GetFromJsonAsync<JsonObject>($"/api/voice/simulator/calls/{id}", ct))!["listening"] is { Length: > 0 } listening ? listening : null,
            "the greeting listening", ct);
        using (var said = await staff.PostAsJsonAsync($"/api/voice/simulator/calls/{id}/speech", new { text = Said }, ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, said.StatusCode);
        }

        var heard = await staff.GetFromJsonAsync<JsonObject>($"/api/voice/simulator/calls/{id}/prompts?after=0&waitSeconds=5", ct);
        Assert.NotNull(heard);
        using var hungUp = await staff.PostAsync(new Uri($"/api/voice/simulator/calls/{id}/hangup", UriKind.Relative), null, ct);
        Assert.True(hungUp.IsSuccessStatusCode, hungUp.StatusCode.ToString());
    }

    private static async Task SendTheInquiryFormAsync(HubHost host, CancellationToken ct)
    {
        var faq = await FaqTestData.CreateAsync(host, ct, question: "粗大ごみの収集日はいつですか（ログのテスト）");
        using var browser = new InquiryBrowser(host);
        var fields = InquiryBrowser.ValidFields(Email);
        fields["phone"] = Phone;
        fields["description"] = Said;
        using var response = await browser.SubmitAsync(faq.Id.ToString(), fields, ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>A citizen's mail to the city over SMTP, routed by the host's own router (a new case).</summary>
    private static async Task SendAMailAsync(HubHost host, int port, CancellationToken ct)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("山田 太郎", Email));
        message.To.Add(new MailboxAddress("市民相談", "soudan@city.example.lg.jp"));
        message.Subject = $"折り返しは {Phone} へ";
        message.MessageId = "log-test-" + Guid.NewGuid().ToString("N") + "@example.jp";
        message.Body = new TextPart("plain") { Text = Said };
        using (var client = new SmtpClient())
        {
            await client.ConnectAsync("127.0.0.1", port, SecureSocketOptions.None, ct);
            await client.SendAsync(message, ct);
            await client.DisconnectAsync(true, ct);
        }

        await Eventually.UntilAsync(
            async () => (await MailTestHelpers.InboxAsync(host, ct)).Any(m => m.State == InboundMailState.Routed) ? "routed" : null, "the mail routed to a case", ct);
    }

    /// <summary>Staff type a case in with the details (and once with a malformed address), then search by the number.</summary>
    private static async Task TypeInAndSearchACaseAsync(HubHost host, CancellationToken ct)
    {
        using var staff = await host.SignInAsync("operator", ct);
        await staff.CreateCaseAsync(new { subject = "折り返し希望", contactName = "山田 太郎", contactPhone = Phone, contactEmail = Email, description = Said }, ct);
        await staff.PostJsonAsync("/api/cases", new { channel = "Manual", @case = new { contactPhone = PhoneDigits + "9", contactEmail = Email + "@" } }, HttpStatusCode.BadRequest, ct);
        var found = await staff.GetFromJsonAsync<JsonElement>(new Uri("/api/cases?q=" + PhoneDigits, UriKind.Relative), ct);
        Assert.True(found.GetProperty("total").GetInt32() >= 1);
    }
}
