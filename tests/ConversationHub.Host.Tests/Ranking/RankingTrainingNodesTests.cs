using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ConversationHub.Core.Persistence;
using ConversationHub.Faq.KnowledgeBase.Domain;
using ConversationHub.Faq.Ranking.Retraining;
using ConversationHub.Faq.Search.Service;
using ConversationHub.Host.Tests.FaqSite;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.Ranking;

/// <summary>
/// Two nodes on one PostgreSQL database (issue 17): only one training run at a time across them, a run whose node
/// went silent is failed by the other, and a model promoted on node A re-ranks node B's searches within seconds.
/// </summary>
public sealed class RankingTrainingNodesTests
{
    private static readonly Uri Runs = new("/api/faq/ranking/training-runs", UriKind.Relative);

    [Fact]
    public async Task StartRun_OnBothNodesAtOnce_OneRunsAndThePromotionOnAIsServedByB()
    {
        // Arrange
        var ct = TestTimeout.Token(400);
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, ct);
        var pii = TestPii.CreateOptions();
        await using var nodeA = HubHost.Start(database, ownsDatabase: false, pii);
        await using var nodeB = HubHost.Start(database, ownsDatabase: false, pii);
        var topics = await PlatformTrainingTests.SeedTopicsAsync(nodeA, ct);
        await PlatformTrainingTests.JudgeAsync(nodeA, topics.Select(t => (t.Query, t.Right)), ct);
        // The test data skips the FAQ change events, so node B indexes the same FAQs itself.
        await FaqTestData.IndexAsync(nodeB, ct, [.. topics.SelectMany(t => new[] { t.Right, t.Decoy })]);
        var searchOnB = nodeB.Services.GetRequiredService<FaqSearchService>();
        var probe = topics[^1];
        Assert.Equal(probe.Decoy, SearchTop(searchOnB, probe.Query));
        using var editorOnA = await nodeA.SignInAsync("faq-editor", ct);
        using var editorOnB = await nodeB.SignInAsync("admin", ct);

        // Act: both editors press the button at the same moment.
        var responses = await Task.WhenAll(editorOnA.PostAsync(Runs, null, ct), editorOnB.PostAsync(Runs, null, ct));

        // Assert: exactly one is queued; the other is told precisely why not.
        try
        {
            Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
            var accepted = responses.Single(r => r.StatusCode == HttpStatusCode.Accepted);
            var runId = (await accepted.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetInt64();
            var refused = await responses.Single(r => r.StatusCode == HttpStatusCode.Conflict).Content.ReadFromJsonAsync<JsonElement>(ct);
            Assert.Contains($"Training run {runId} is", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);

            var run = await RankingTrainingRunsTests.WaitForRunAsync(editorOnB, runId, ct);
            Assert.Equal("succeeded", run.GetProperty("status").GetString());
            Assert.Contains(run.GetProperty("nodeId").GetString(), new[] { Node(nodeA), Node(nodeB) });
            var proposed = run.GetProperty("modelId").GetInt64();
            Assert.Null(await RankingTrainingRunsTests.ActiveModelAsync(nodeB, ct));

            // Promote on A; B re-ranks with it within seconds.
            using var promoted = await editorOnA.PostAsJsonAsync(RankingTrainingRunsTests.ActivateUri(proposed), new { confirm = true }, ct);
            Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);
            for (var i = 0; i < 100 && SearchTop(searchOnB, probe.Query) != probe.Right; i++)
                await Task.Delay(100, ct);
            Assert.Equal(probe.Right, SearchTop(searchOnB, probe.Query));
            var log = await editorOnB.GetFromJsonAsync<JsonElement>(new Uri("/api/faq/ranking/model-activations", UriKind.Relative), ct);
            Assert.Equal("promote", Assert.Single(log.EnumerateArray()).GetProperty("action").GetString());
        }
        finally
        {
            foreach (var response in responses)
                response.Dispose();
        }
    }

    [Fact]
    public async Task StartRun_OtherNodeWentSilent_ItsRunIsFailedAndThisOneStarts()
    {
        // Arrange: node A claimed a run and stopped beating two minutes ago.
        var ct = TestTimeout.Token(120);
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, ct);
        var pii = TestPii.CreateOptions();
        await using var nodeA = HubHost.Start(database, ownsDatabase: false, pii);
        await using var nodeB = HubHost.Start(database, ownsDatabase: false, pii);
        var silent = await RankingTrainingRunsTests.AddRunningRunAsync(nodeA, Node(nodeA), DateTime.UtcNow.AddMinutes(-2), ct);
        using var editorOnB = await nodeB.SignInAsync("faq-editor", ct);

        // Act
        using var response = await editorOnB.PostAsync(Runs, null, ct);

        // Assert
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var stale = await FaqTestData.WithFaqDbAsync(nodeB, db => db.TrainingRuns.AsNoTracking().SingleAsync(r => r.Id == silent, ct));
        Assert.Equal(TrainingRunStatus.Failed, stale.Status);
        Assert.Equal(TrainingRunFailure.NodeStopped, stale.FailureReason);
        Assert.Null(stale.ActiveSlot);
    }

    [Fact]
    public async Task Activate_TwoModelsOnTwoNodesAtOnce_LeavesExactlyOneActiveAndLogsEachSwitch()
    {
        // Arrange: two stored models, none active.
        var ct = TestTimeout.Token(180);
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, ct);
        var pii = TestPii.CreateOptions();
        await using var nodeA = HubHost.Start(database, ownsDatabase: false, pii);
        await using var nodeB = HubHost.Start(database, ownsDatabase: false, pii);
        var json = await PlatformTrainingTests.TrainedModelJsonAsync(nodeA, ct);
        long first, second;
        await using (var scope = nodeA.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ConversationHub.Faq.Persistence.FaqDbContext>();
            var one = new ConversationHub.Faq.Ranking.History.RankingModelRecord(json, null, null, 10, 0.6, 0.5, DateTime.UtcNow);
            var two = new ConversationHub.Faq.Ranking.History.RankingModelRecord(json, null, null, 10, 0.7, 0.5, DateTime.UtcNow);
            db.RankingModels.AddRange(one, two);
            await db.SaveChangesAsync(ct);
            (first, second) = (one.Id, two.Id);
        }

        using var editorOnA = await nodeA.SignInAsync("faq-editor", ct);
        using var editorOnB = await nodeB.SignInAsync("admin", ct);

        // Act
        var responses = await Task.WhenAll(
            editorOnA.PostAsJsonAsync(RankingTrainingRunsTests.ActivateUri(first), new { confirm = true }, ct),
            editorOnB.PostAsJsonAsync(RankingTrainingRunsTests.ActivateUri(second), new { confirm = true }, ct));

        // Assert: one active model whatever the interleaving; a refused switch is a 409 and leaves no log line.
        try
        {
            Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
            var active = await FaqTestData.WithFaqDbAsync(nodeA, db => db.RankingModels.AsNoTracking().Where(m => m.IsActive).Select(m => m.Id).ToListAsync(ct));
            Assert.Single(active);
            var logged = await FaqTestData.WithFaqDbAsync(nodeA, db => db.RankingModelActivations.AsNoTracking().OrderBy(a => a.Id).ToListAsync(ct));
            Assert.Equal(responses.Count(r => r.StatusCode == HttpStatusCode.OK), logged.Count);
            Assert.Equal(active[0], logged[^1].ModelId);
        }
        finally
        {
            foreach (var response in responses)
                response.Dispose();
        }
    }

    private static string Node(HubHost host) => host.Services.GetRequiredService<ConversationHub.Core.Events.IHubEvents>().NodeId;

    private static Guid SearchTop(FaqSearchService search, string query) =>
        search.Search(query, FaqAudience.Public, top: 3) is [var first, ..] ? first.FaqId : Guid.Empty;
}
