using ConversationHub.Core.Conversations.Services;
using ConversationHub.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.DirectLine;

/// <summary>The bot speaks only while it owns the conversation.</summary>
public sealed class DirectLineOwnerTests(DirectLineHostFixture fixture) : IClassFixture<DirectLineHostFixture>
{
    [Fact]
    public async Task PostActivity_ConversationQueuedForAnAgent_BotOnlyTellsThePlace_NeverAnAnswer()
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
        await other.SayAsync("住民票はどこで取れますか", "other-1", ct);
        await other.PollUntilAsync(a => a.Any(DirectLineTestClient.IsBotMessage), ct);
        var (all, _) = await queued.PollUntilAsync(a => a.Any(DirectLineTestClient.IsBotMessage), ct);
        var activities = all.Where(a => a.GetProperty("type").GetString() == "message").ToList();

        // While queued the bot keeps the citizen informed and offers the way out, and gives no FAQ answer.
        Assert.Equal(2, activities.Count);
        Assert.Equal("user", activities[0].GetProperty("from").GetProperty("role").GetString());
        var told = DirectLineTestClient.TextOf(activities[1]);
        Assert.StartsWith("ただいまオペレーターにおつなぎしています", told, StringComparison.Ordinal);
        Assert.DoesNotContain("住民票", told, StringComparison.Ordinal);
        Assert.Equal("待つのをやめる", activities[1].GetProperty("suggestedActions").GetProperty("actions")[0].GetProperty("value").GetString());
    }
}
