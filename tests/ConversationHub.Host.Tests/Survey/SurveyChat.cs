using System.Text.Json;
using ConversationHub.Host.Tests.DirectLine;
using ConversationHub.Host.Tests.Handoff;
using ConversationHub.Host.Tests.Infrastructure;

namespace ConversationHub.Host.Tests.Survey;

/// <summary>
/// A citizen on Direct Line handed to the operator, who accepts and closes the chat: what every survey test starts
/// from. <see cref="AnswerAsync"/> writes an answer and waits for the center's next message containing a given text.
/// </summary>
internal sealed class SurveyChat : IAsyncDisposable
{
    public const string ConsentQuestion = "アンケート（7問・2分ほど）にご協力いただけますか";

    private int _said;

    private SurveyChat(DirectLineTestClient citizen, AgentClient agent, Guid conversationId)
    {
        Citizen = citizen;
        Agent = agent;
        ConversationId = conversationId;
    }

    public DirectLineTestClient Citizen { get; }

    public AgentClient Agent { get; }

    public Guid ConversationId { get; }

    /// <summary>Hands a new Direct Line citizen to the operator, who accepts and closes; returns once the consent question is out.</summary>
    public static async Task<SurveyChat> ClosedByOperatorAsync(HubHost host, CancellationToken ct)
    {
        var agent = await AgentClient.ConnectAsync(host, "operator", ct);
        Assert.True((await agent.AvailableAsync(ct)).Ok);
        var citizen = new DirectLineTestClient(host.CreateClient());
        await citizen.StartAsync(ct);
        await citizen.SayAsync("住民票の写しについて", "s-1", ct);
        await citizen.SayAsync("オペレーターと話す", "s-2", ct);
        await citizen.PollUntilAsync(a => a.Any(x => DirectLineTestClient.TextOf(x).Contains("番目", StringComparison.Ordinal)), ct);
        var conversationId = Guid.Parse(citizen.ConversationId);
        await agent.WaitForOfferAsync(conversationId, ct);
        Assert.True((await agent.ActAsync("Accept", ct, conversationId)).Ok);
        var closed = await agent.ActAsync("Close", ct, conversationId, "resolved");
        Assert.True(closed.Ok, closed.Message);
        await citizen.PollUntilAsync(a => a.Any(x => DirectLineTestClient.TextOf(x).Contains(ConsentQuestion, StringComparison.Ordinal)), ct);
        return new SurveyChat(citizen, agent, conversationId);
    }

    /// <summary>The latest message of the center whose text contains <paramref name="expected"/>.</summary>
    public async Task<JsonElement> MessageAsync(string expected, CancellationToken ct)
    {
        var (activities, _) = await Citizen.PollUntilAsync(a => a.Any(x => DirectLineTestClient.TextOf(x).Contains(expected, StringComparison.Ordinal)), ct);
        return activities.Last(x => DirectLineTestClient.TextOf(x).Contains(expected, StringComparison.Ordinal));
    }

    /// <summary>Says <paramref name="text"/> and waits for a new message of the center containing <paramref name="expected"/>.</summary>
    public async Task<JsonElement> AnswerAsync(string text, string expected, CancellationToken ct)
    {
        var (before, _) = await Citizen.GetActivitiesAsync("", ct);
        await Citizen.SayAsync(text, "answer-" + Interlocked.Increment(ref _said), ct);
        var (activities, _) = await Citizen.PollUntilAsync(a => a.Skip(before.Count).Any(x => DirectLineTestClient.IsBotMessage(x) && DirectLineTestClient.TextOf(x).Contains(expected, StringComparison.Ordinal)), ct);
        return activities.Skip(before.Count).Last(x => DirectLineTestClient.TextOf(x).Contains(expected, StringComparison.Ordinal));
    }

    /// <summary>The suggested replies' titles of a message.</summary>
    public static List<string?> Choices(JsonElement message) =>
        message.TryGetProperty("suggestedActions", out var actions)
            ? [.. actions.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("title").GetString())]
            : [];

    public async ValueTask DisposeAsync()
    {
        Citizen.Dispose();
        await Agent.DisposeAsync();
    }
}
