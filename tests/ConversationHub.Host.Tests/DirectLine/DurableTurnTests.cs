using System.Text.Json;
using ConversationHub.Core.Persistence;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;

namespace ConversationHub.Host.Tests.DirectLine;

/// <summary>
/// Nothing a citizen sent is lost: node A stores the questions and stops without answering; two other nodes on the
/// same PostgreSQL database sweep for unanswered turns at the same time, and every question is answered exactly once.
/// </summary>
public sealed class DurableTurnTests
{
    private static readonly string[] Questions = ["住民票はどこで取れますか", "粗大ごみの出し方を教えてください", "マイナンバーカードの申請方法", "転入届に必要なもの"];

    [Fact]
    public async Task QuestionsStoredByAStoppedNode_AreAnsweredOnceByTheOtherNodes()
    {
        // Arrange: node A only serves HTTP (its worker never answers), so the turns stay pending when it stops.
        var ct = TestTimeout.Token(240);
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, ct);
        var pii = TestPii.CreateOptions();
        var ids = new List<string>();
        using var client = new DirectLineTestClient(new HttpClient());
        await using (var nodeA = HubHost.Start(database, ownsDatabase: false, pii, Settings(answerTurns: false)))
        {
            using var onA = new DirectLineTestClient(nodeA.CreateClient());
            await onA.StartAsync(ct);
            for (var i = 0; i < Questions.Length; i++)
            {
                ids.Add(await onA.SayAsync(Questions[i], $"durable-{i}", ct));
            }

            await Task.Delay(TimeSpan.FromSeconds(1), ct);
            var (beforeStop, _) = await onA.GetActivitiesAsync("", ct);
            Assert.DoesNotContain(beforeStop, a => ids.Contains(ReplyTo(a)));
            (client.ConversationId, client.Token) = (onA.ConversationId, onA.Token);
        }

        // Act: A is gone; B and C start on the same database, each sweeping every second.
        await using var nodeB = HubHost.Start(database, ownsDatabase: false, pii, Settings(answerTurns: true));
        await using var nodeC = HubHost.Start(database, ownsDatabase: false, pii, Settings(answerTurns: true));
        using var onB = new DirectLineTestClient(nodeB.CreateClient()) { ConversationId = client.ConversationId, Token = client.Token };
        await onB.PollUntilAsync(a => ids.All(id => a.Any(x => IsAnswerTo(x, id))), ct);

        // Several more sweeps on both nodes, which must find nothing left to answer.
        await Task.Delay(TimeSpan.FromSeconds(4), ct);
        var (activities, _) = await onB.GetActivitiesAsync("", ct);

        // Assert: each question has one 「解決しましたか？」, i.e. one complete answer.
        Assert.All(ids, id => Assert.Equal(1, activities.Count(x => IsAnswerTo(x, id))));
    }

    private static Dictionary<string, string?> Settings(bool answerTurns) => new(StringComparer.Ordinal)
    {
        ["DirectLine:AnonymousTokensPerWindow"] = "1000",
        ["Bot:Turns:AnswerTurns"] = answerTurns ? "true" : "false",
        ["Bot:Turns:SweepInterval"] = "00:00:01",
        ["Bot:Turns:SweepGrace"] = "00:00:00",
    };

    private static string ReplyTo(JsonElement activity) => activity.TryGetProperty("replyToId", out var r) ? r.GetString() ?? "" : "";

    private static bool IsAnswerTo(JsonElement activity, string id) =>
        ReplyTo(activity) == id && DirectLineTestClient.TextOf(activity) == "解決しましたか？";
}
