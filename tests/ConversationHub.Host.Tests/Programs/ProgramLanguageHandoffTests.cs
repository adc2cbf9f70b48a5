using System.Net;
using System.Net.Http.Json;
using ConversationHub.Core.Identity;
using ConversationHub.Core.Persistence;
using ConversationHub.Host.Tests.DirectLine;
using ConversationHub.Host.Tests.Handoff;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;

namespace ConversationHub.Host.Tests.Programs;

/// <summary>
/// An English program conversation asks for a person (issue 19): handoff.initiate carries <c>en</c>, routing offers the chat
/// to the agent with the English skill and never to the Japanese-only one, and the console shows the citizen's language
/// (the queue item, the open chat, and the 英語 English badge's label).
/// </summary>
public sealed class ProgramLanguageHandoffTests
{
    [Fact]
    public async Task EnglishConversation_IsOfferedToTheEnglishSpeaker_NotToTheJapaneseOnlyAgent()
    {
        // Arrange: a Japanese-only agent, available first, and an English-speaking one.
        var ct = TestTimeout.Token(180);
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, HandoffSettings.OpenAllDay(), ct);
        await ProgramSeed.AddAsync(host, "enroute", -1, 10, ct, p => p.Languages = "ja,en");
        await AgentClient.CreateAccountAsync(host, "en-agent", HubRoles.Operator, ct);
        await using var japanese = await AgentClient.ConnectAsync(host, "operator", ct);
        await using var english = await AgentClient.ConnectAsync(host, "en-agent", ct);
        using (var supervisor = await host.SignInAsync("supervisor", ct))
        {
            foreach (var (agent, languages) in new[] { (japanese, new[] { "ja" }), (english, new[] { "ja", "en" }) })
            {
                using var set = await supervisor.PutAsJsonAsync(new Uri($"/api/handoff/agents/{agent.Id}/profile", UriKind.Relative), new { languages }, ct);
                Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
            }
        }

        Assert.True((await japanese.AvailableAsync(ct)).Ok);
        using var citizen = new DirectLineTestClient(host.CreateClient());
        await ProgramSeed.EnterAsync(citizen, "enroute", ct);
        await citizen.StartAsync(ct);
        var (_, watermark) = await citizen.PollUntilAsync(a => a.Any(DirectLineTestClient.IsBotMessage), ct);
        await citizen.SayAsync("English", "en-1", ct);
        var (_, afterGreeting) = await ProgramLanguageTests.NextBotMessageAsync(citizen, watermark, ct);

        // Act: the English button, and the queue's view while only the Japanese agent is available.
        await citizen.SayAsync("Talk to an operator", "en-2", ct);
        var (queued, _) = await ProgramLanguageTests.NextBotMessageAsync(citizen, afterGreeting, ct);
        var id = Guid.Parse(citizen.ConversationId);
        var snapshot = await japanese.InvokeAsync("GetSnapshot", ct);
        await Task.Delay(1000, ct);
        var offeredToJapanese = japanese.Offers.Contains(id);
        Assert.True((await english.AvailableAsync(ct)).Ok);
        await english.WaitForOfferAsync(id, ct);
        Assert.True((await english.ActAsync("Accept", ct, id)).Ok);
        var view = await english.InvokeAsync("OpenChat", ct, id);
        var page = await english.Http.GetStringAsync(new Uri("/console/chats", UriKind.Relative), ct);

        // Assert
        Assert.StartsWith("Connecting you to an operator. You are number 1 in line", DirectLineTestClient.TextOf(queued), StringComparison.Ordinal);
        var item = snapshot.GetProperty("queue").EnumerateArray().Single(q => q.GetProperty("conversationId").GetGuid() == id);
        Assert.Equal("en", item.GetProperty("language").GetString());
        Assert.False(offeredToJapanese);
        Assert.DoesNotContain(id, japanese.Offers);
        Assert.Equal("en", view.GetProperty("language").GetString());
        var island = System.Text.RegularExpressions.Regex.Match(page, "id=\"chats-texts\"[^>]*>(.*?)</script>", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.Equal("英語 English", System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(island.Groups[1].Value)!["Lang_en"]);
    }
}
