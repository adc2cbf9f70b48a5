using ConversationHub.Core.Persistence;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;

namespace ConversationHub.Host.Tests.Line;

/// <summary>
/// Two nodes on one PostgreSQL database receive the same webhook events (LINE retrying through the load balancer):
/// the inbox keeps each event once and the leases let one node process and deliver it, in order per citizen.
/// </summary>
public sealed class LineTwoNodeTests
{
    [Fact]
    public async Task SameEventsOnBothNodes_EachAnsweredOnceInOrder()
    {
        // Arrange
        var ct = TestTimeout.Token(180);
        await using var stub = await LineStubApi.StartAsync();
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, ct);
        var pii = TestPii.CreateOptions();
        var settings = LineHostFixture.Settings(stub.BaseUrl);
        await using var nodeA = HubHost.Start(database, ownsDatabase: false, pii, settings);
        await using var nodeB = HubHost.Start(database, ownsDatabase: false, pii, settings);
        using var onA = new LineWebhookClient(nodeA.CreateClient(), LineHostFixture.ChannelSecret);
        using var onB = new LineWebhookClient(nodeB.CreateClient(), LineHostFixture.ChannelSecret);
        var users = Enumerable.Range(0, 6).Select(_ => LineWebhookClient.NewUserId()).ToList();

        // Act: every event goes to both nodes at once.
        foreach (var user in users)
        {
            var first = LineWebhookClient.Text(user, "こんにちは", "first-" + user);
            var second = LineWebhookClient.Text(user, "ありがとう", "second-" + user);
            await Task.WhenAll(onA.PostAsync(ct, first, second), onB.PostAsync(ct, first, second));
        }

        // Assert
        foreach (var user in users)
        {
            await Eventually.UntilAsync(() => stub.Replies("first-" + user).Concat(stub.Replies("second-" + user)).Sum(c => c.Json.GetProperty("messages").GetArrayLength()) >= 2 ? "" : null, "both answers", ct);
        }

        foreach (var user in users)
        {
            var calls = stub.Replies("first-" + user).Concat(stub.Replies("second-" + user)).Concat(stub.Pushes(user)).ToList();
            Assert.Equal(2, calls.Sum(c => c.Json.GetProperty("messages").GetArrayLength()));
        }
    }
}
