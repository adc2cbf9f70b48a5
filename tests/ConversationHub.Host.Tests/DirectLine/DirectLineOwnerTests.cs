using ConversationHub.Core.Conversations.Services;
using ConversationHub.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.DirectLine;

/// <summary>The bot speaks only while it owns the conversation.</summary>
public sealed class DirectLineOwnerTests(DirectLineHostFixture fixture) : IClassFixture<DirectLineHostFixture>
{
    [Fact]
    public async Task PostActivity_ConversationQueuedForAnAgent_BotStaysSilent()
    {
        var ct = TestTimeout.Token();
        using var queued = new DirectLineTestClient(fixture.Host.CreateClient());
        using var other = new DirectLineTestClient(fixture.Host.CreateClient());
        await queued.GenerateAsync(ct);
        await other.GenerateAsync(ct);
        await using (var scope = fixture.Host.Services.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<IConversationStore>();
            var conversation = (await store.FindAsync(Guid.Parse(queued.ConversationId), ct))!;
            conversation.RequestHandoff("user_request", DateTime.UtcNow);
            await store.SaveAsync(conversation, ct);
        }

        await queued.SayAsync("住民票はどこで取れますか", "queued-1", ct);
        // Turns are taken one at a time in order: once the later turn is answered, the earlier one has been taken.
        await other.SayAsync("住民票はどこで取れますか", "other-1", ct);
        await other.PollUntilAsync(a => a.Any(DirectLineTestClient.IsBotMessage), ct);
        var (activities, _) = await queued.GetActivitiesAsync("", ct);

        Assert.Single(activities);
        Assert.Equal("user", activities[0].GetProperty("from").GetProperty("role").GetString());
    }
}
