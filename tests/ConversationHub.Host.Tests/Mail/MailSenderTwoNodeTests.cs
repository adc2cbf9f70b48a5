using ConversationHub.Core.Persistence;
using ConversationHub.Handoff.Mail;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using static ConversationHub.Host.Tests.Mail.MailTestHelpers;

namespace ConversationHub.Host.Tests.Mail;

/// <summary>Exactly one delivery per message with several nodes on one PostgreSQL database, and when a node dies mid-send.</summary>
public sealed class MailSenderTwoNodeTests
{
    [Fact]
    public async Task TwoNodes_ThirtyMessages_EachDeliveredOnce()
    {
        // Arrange
        var ct = TestTimeout.Token(180);
        await using var mta = TestMta.Start();
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, ct);
        var pii = TestPii.CreateOptions();
        await using var nodeA = HubHost.Start(database, ownsDatabase: false, pii, SmtpSettings(mta));
        await using var nodeB = HubHost.Start(database, ownsDatabase: false, pii, SmtpSettings(mta));

        // Act: enqueued on both nodes; both nodes' senders wake for each
        var queued = new List<OutboundMail>();
        for (var i = 0; i < 30; i++)
        {
            queued.Add(await EnqueueAsync(i % 2 == 0 ? nodeA : nodeB, Draft(Guid.NewGuid(), $"case.two.{i}.{Guid.NewGuid():N}"), ct));
        }

        foreach (var mail in queued)
        {
            await UntilStateAsync(nodeA, mail.Id, OutboundMailState.Sent, ct);
        }

        await Task.Delay(500, ct);

        // Assert
        var received = mta.Accepted.Select(a => "<" + a.Message.MessageId + ">").ToList();
        Assert.Equal(30, received.Count);
        Assert.Equal(queued.Select(m => m.MessageId).Order(StringComparer.Ordinal), received.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task NodeDiesMidSend_AnotherNodeSendsOnceAfterTheLease()
    {
        // Arrange
        var ct = TestTimeout.Token(180);
        await using var mta = TestMta.Start();
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, ct);
        var pii = TestPii.CreateOptions();
        var settings = SmtpSettings(mta, lease: "00:00:08", timeout: "00:00:05");
        var release = new TaskCompletionSource();
        mta.StallNext = release;
        var nodeA = HubHost.Start(database, ownsDatabase: false, pii, settings);
        OutboundMail queued;
        OutboundMail leased;
        try
        {
            queued = await EnqueueAsync(nodeA, Draft(Guid.NewGuid(), "case.dies." + Guid.NewGuid().ToString("N")), ct);
            await mta.Stalled.Task.WaitAsync(ct);
            leased = (await OutboundAsync(nodeA, queued.Id, ct))!;
        }
        finally
        {
            // Act: node A goes away while the server has not answered the DATA
            await nodeA.DisposeAsync();
        }

        release.SetResult();
        Assert.Equal(OutboundMailState.Sending, leased.State);
        await using var nodeB = HubHost.Start(database, ownsDatabase: false, pii, settings);
        var sent = await UntilStateAsync(nodeB, queued.Id, OutboundMailState.Sent, ct);

        // Assert: one accepted copy, sent by node B only after node A's lease ran out, with the same Message-ID
        var (message, acceptedAt) = Assert.Single(mta.Accepted);
        Assert.Equal(queued.MessageId, "<" + message.MessageId + ">");
        Assert.Equal(2, mta.Attempts.Count(a => "<" + a.MessageId + ">" == queued.MessageId));
        Assert.True(acceptedAt >= leased.LeaseUntilUtc!.Value.AddMilliseconds(-200), $"accepted at {acceptedAt:o}, lease until {leased.LeaseUntilUtc:o}");
        Assert.Equal(2, sent.Attempts);
    }
}
