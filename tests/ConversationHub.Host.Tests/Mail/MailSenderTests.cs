using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ConversationHub.Core.Persistence;
using ConversationHub.Handoff.Mail;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using static ConversationHub.Host.Tests.Mail.MailTestHelpers;

namespace ConversationHub.Host.Tests.Mail;

/// <summary>The outbox and its sender against a real SMTP server on 127.0.0.1 (or the pickup folder), on SQLite.</summary>
public sealed class MailSenderTests
{
    [Fact]
    public async Task Send_JapaneseReply_ArrivesWithCaseHeaders()
    {
        // Arrange
        var ct = TestTimeout.Token(90);
        await using var mta = TestMta.Start();
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, SmtpSettings(mta), ct);
        var caseId = Guid.NewGuid();
        var draft = Draft(caseId, "case.C-2026-000123." + Guid.NewGuid().ToString("N"));

        // Act
        var queued = await EnqueueAsync(host, draft, ct);
        var sent = await UntilStateAsync(host, queued.Id, OutboundMailState.Sent, ct);

        // Assert
        var (message, _) = Assert.Single(mta.Accepted);
        Assert.Equal(CityAddress, message.From.Mailboxes.Single().Address);
        Assert.Equal("さくら市 市民相談", message.From.Mailboxes.Single().Name);
        Assert.Equal("soudan+C-2026-000123@city.example.lg.jp", message.ReplyTo.Mailboxes.Single().Address);
        Assert.Equal("citizen@example.jp", message.To.Mailboxes.Single().Address);
        Assert.Equal(draft.MessageIdLocalPart + "@city.example.lg.jp", message.MessageId);
        Assert.Equal("<" + message.MessageId + ">", sent.MessageId);
        Assert.Equal("citizen-question-1@example.jp", message.InReplyTo);
        Assert.Equal(["citizen-question-1@example.jp"], message.References);
        Assert.Equal(draft.Subject, message.Subject);
        Assert.Equal(draft.BodyText.ReplaceLineEndings(), message.TextBody?.TrimEnd().ReplaceLineEndings());
        Assert.Equal(1, sent.Attempts);
        Assert.NotNull(sent.SentAtUtc);
        Assert.Equal(queued.CreatedAtUtc, message.Date.UtcDateTime, TimeSpan.FromSeconds(1));
        var forCase = await host.Services.GetRequiredService<MailOutbox>().ForCaseAsync(caseId, ct);
        Assert.Equal(draft.BodyText, Assert.Single(forCase).BodyText);
        // Logs carry ids, never the address, the subject or the body.
        Assert.DoesNotContain(host.Logs, l => l.Contains("citizen@example.jp", StringComparison.Ordinal) || l.Contains("粗大ごみ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Send_ServerRefuses_BacksOffThenFailedVisibleThenRetrySucceeds()
    {
        // Arrange
        var ct = TestTimeout.Token(90);
        await using var mta = TestMta.Start();
        var settings = SmtpSettings(mta);
        settings["Mail:Outbound:MaxAttempts"] = "2";
        settings["Mail:Outbound:FirstRetryDelay"] = "00:00:01";
        settings["Logging:LogLevel:Default"] = "Information";
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, settings, ct);
        mta.RefuseNext(2);

        // Act
        var queued = await EnqueueAsync(host, Draft(Guid.NewGuid(), "case.retry." + Guid.NewGuid().ToString("N")), ct);
        var failed = await UntilStateAsync(host, queued.Id, OutboundMailState.Failed, ct);

        // Assert: two attempts, the second after the backoff, and the failure visible to supervisors only
        Assert.Equal(2, failed.Attempts);
        Assert.Equal("SMTP 451 on MessageNotAccepted", failed.LastError);
        var attempts = mta.Attempts.ToArray();
        Assert.Equal(2, attempts.Length);
        Assert.True(attempts[1].AtUtc - attempts[0].AtUtc >= TimeSpan.FromSeconds(0.9), $"retried after {attempts[1].AtUtc - attempts[0].AtUtc}");
        Assert.Empty(mta.Accepted);
        using var supervisor = await host.SignInAsync("supervisor", ct);
        var list = await supervisor.GetFromJsonAsync<JsonElement>("/api/mail/outbox?state=Failed", ct);
        var item = Assert.Single(list.EnumerateArray(), i => i.GetProperty("id").GetGuid() == queued.Id);
        Assert.Equal("Failed", item.GetProperty("state").GetString());
        Assert.DoesNotContain("citizen@example.jp", list.GetRawText(), StringComparison.Ordinal);
        using var operatorClient = await host.SignInAsync("operator", ct);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.GetAsync("/api/mail/outbox", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.PostAsync($"/api/mail/outbox/{queued.Id}/retry", null, ct)).StatusCode);

        // Act: a supervisor retries once the server takes mail again
        var retry = await supervisor.PostAsync($"/api/mail/outbox/{queued.Id}/retry", null, ct);
        var sent = await UntilStateAsync(host, queued.Id, OutboundMailState.Sent, ct);

        // Assert
        Assert.Equal(HttpStatusCode.NoContent, retry.StatusCode);
        Assert.Single(mta.Accepted);
        Assert.Equal(1, sent.Attempts);
        Assert.Equal(HttpStatusCode.Conflict, (await supervisor.PostAsync($"/api/mail/outbox/{queued.Id}/retry", null, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.PostAsync($"/api/mail/outbox/{Guid.NewGuid()}/retry", null, ct)).StatusCode);
        Assert.DoesNotContain(host.Logs, l => l.Contains("citizen@example.jp", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pickup_WithoutHost_WritesOneEmlPerMessage()
    {
        // Arrange
        var ct = TestTimeout.Token(90);
        var folder = Directory.CreateTempSubdirectory("hub-mail-out-");
        try
        {
            await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?>(StringComparer.Ordinal) { ["Mail:Outbound:PickupDirectory"] = folder.FullName }, ct);
            var caseId = Guid.NewGuid();

            // Act
            var queued = new List<OutboundMail>();
            for (var i = 0; i < 3; i++)
            {
                queued.Add(await EnqueueAsync(host, Draft(caseId, $"case.pickup.{i}.{Guid.NewGuid():N}"), ct));
            }

            foreach (var mail in queued)
            {
                await UntilStateAsync(host, mail.Id, OutboundMailState.Sent, ct);
            }

            // A node that died after the rename and before recording Sent tries the same row again: still one file.
            var again = await OutboundAsync(host, queued[0].Id, ct);
            var options = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<MailOutboundOptions>>().CurrentValue;
            await host.Services.GetRequiredService<PickupMailDelivery>().DeliverAsync(again!, OutboundMessageFactory.Create(again!, options), ct);

            // Assert
            var files = folder.GetFiles();
            Assert.Equal(queued.Select(m => m.Id.ToString("N") + ".eml").Order(StringComparer.Ordinal), files.Select(f => f.Name).Order(StringComparer.Ordinal));
            var written = await MimeMessage.LoadAsync(files.Single(f => f.Name.StartsWith(queued[1].Id.ToString("N"), StringComparison.Ordinal)).FullName, ct);
            Assert.Equal(queued[1].MessageId, "<" + written.MessageId + ">");
            Assert.Equal(queued[1].Subject, written.Subject);
            Assert.Equal("conversationhub@localhost", written.From.Mailboxes.Single().Address);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Validate_HostWithoutFrom_NamesTheSetting()
    {
        var result = new MailOutboundOptionsValidator().Validate(null, new MailOutboundOptions { Host = "smtp.city.example.lg.jp" });

        Assert.True(result.Failed);
        Assert.Contains("Mail:Outbound:From is required when Mail:Outbound:Host is set", result.FailureMessage, StringComparison.Ordinal);
        Assert.True(new MailOutboundOptionsValidator().Validate(null, new MailOutboundOptions()).Succeeded);
    }
}
