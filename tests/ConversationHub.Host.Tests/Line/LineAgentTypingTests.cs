using System.Text.Json;
using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Conversations.Services;
using ConversationHub.Core.Events;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.Line;

/// <summary>
/// An agent typing in a LINE conversation (<see cref="ConversationEventTopics.AgentTyping"/>, published as the
/// handoff module will) shows the citizen LINE's loading animation, at most once per throttle window, and only while
/// an agent owns the conversation; on SQLite (in-process events) and PostgreSQL (LISTEN/NOTIFY).
/// </summary>
public abstract class LineAgentTypingTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : LineHostFixture
{
    [Fact]
    public async Task AgentTyping_AgentOwnedAndBotOwned_OneLoadingCallForTheAgentsCitizenOnly()
    {
        // Arrange
        var ct = TestTimeout.Token();
        var (withBot, withAgent, marker) = (LineWebhookClient.NewUserId(), LineWebhookClient.NewUserId(), LineWebhookClient.NewUserId());
        var botOwned = await StartAsync(withBot, agentOwned: false, ct);
        var agentOwned = await StartAsync(withAgent, agentOwned: true, ct);
        var markerOwned = await StartAsync(marker, agentOwned: true, ct);

        // Act: the agent types on (three events within the throttle window).
        await PublishTypingAsync(botOwned, ct);
        await PublishTypingAsync(agentOwned, ct);
        await PublishTypingAsync(agentOwned, ct);
        await PublishTypingAsync(agentOwned, ct);
        await PublishTypingAsync(markerOwned, ct);

        // Assert: requests are taken in order, so once the marker's animation is asked for, the others were decided.
        await Eventually.UntilAsync(() => fixture.Stub.Loadings(marker).FirstOrDefault(), "the marker's loading call", ct);
        var loading = Assert.Single(fixture.Stub.Loadings(withAgent));
        Assert.Equal(202, loading.Status);
        Assert.Empty(fixture.Stub.Loadings(withBot));
    }

    private async Task<Guid> StartAsync(string user, bool agentOwned, CancellationToken ct)
    {
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IConversationStore>();
        var conversation = await store.StartAsync(ConversationChannel.Line, user, ct);
        if (agentOwned)
        {
            conversation.RequestHandoff("user_request", DateTime.UtcNow);
            conversation.AssignAgent(Guid.NewGuid(), DateTime.UtcNow);
            await store.SaveAsync(conversation, ct);
        }

        return conversation.Id;
    }

    private Task PublishTypingAsync(Guid conversationId, CancellationToken ct) =>
        fixture.Host.Services.GetRequiredService<IHubEvents>()
            .PublishAsync(ConversationEventTopics.AgentTyping, JsonSerializer.Serialize(new AgentTypingPayload(conversationId)), ct);
}

public sealed class SqliteLineAgentTypingTests(SqliteLineHostFixture fixture) : LineAgentTypingTests<SqliteLineHostFixture>(fixture);

public sealed class PostgresLineAgentTypingTests(PostgresLineHostFixture fixture) : LineAgentTypingTests<PostgresLineHostFixture>(fixture);
