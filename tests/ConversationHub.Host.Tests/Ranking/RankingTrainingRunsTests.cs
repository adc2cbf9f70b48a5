using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ConversationHub.Core.Persistence;
using ConversationHub.Faq.Persistence;
using ConversationHub.Faq.Ranking.Retraining;
using ConversationHub.Host.Tests.FaqSite;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.Ranking;

/// <summary>
/// The retraining console's runs (issue 17), through the real API on SQLite: a run trains in the background and only
/// proposes; promotion and rollback are explicit, confirmed and logged with the actor; one run at a time; a run whose
/// node died is failed so another can start; the schedule promotes by itself only when configured and not worse.
/// Each test runs its own host: an active model changes every search of that host.
/// </summary>
public sealed class RankingTrainingRunsTests
{
    private static readonly Uri Runs = new("/api/faq/ranking/training-runs", UriKind.Relative);

    [Fact]
    public async Task StartRun_EnoughJudgements_ProposesThenPromoteAndRollbackAreLoggedWithTheEditor()
    {
        // Arrange: the active model puts the decoys first; editors mapped every query to its right FAQ.
        var ct = TestTimeout.Token(300);
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, cancellationToken: ct);
        var topics = await PlatformTrainingTests.SeedTopicsAsync(host, ct);
        await PlatformTrainingTests.JudgeAsync(host, topics.Select(t => (t.Query, t.Right)), ct);
        var earlier = await PlatformTrainingTests.AddActiveModelAsync(host, preferAnswersWithoutQueryWords: false, ct);
        using var editor = await host.SignInAsync("faq-editor", ct);

        // Act: start, and follow the run as the page's script does.
        using var started = await editor.PostAsync(Runs, null, ct);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var runId = (await started.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetInt64();
        var run = await WaitForRunAsync(editor, runId, ct);

        // Assert: progress per member, figures of both models, and changed first answers naming FAQ questions.
        Assert.Equal("succeeded", run.GetProperty("status").GetString());
        Assert.Equal("console", run.GetProperty("trigger").GetString());
        var progress = run.GetProperty("progress");
        Assert.Equal(5, progress.GetArrayLength());
        Assert.All(progress.EnumerateArray(), p => Assert.True(p.GetProperty("trees").GetInt32() > 0));
        Assert.Equal(earlier, run.GetProperty("activeModelId").GetInt64());
        var newNdcg = run.GetProperty("new").GetProperty("ndcg10").GetDouble();
        Assert.True(newNdcg > run.GetProperty("active").GetProperty("ndcg10").GetDouble(), run.ToString());
        Assert.True(run.GetProperty("notWorse").GetBoolean());
        var changed = run.GetProperty("changedAnswers");
        Assert.True(changed.GetArrayLength() > 0);
        var questions = await FaqTestData.WithFaqDbAsync(host, db => db.Faqs.AsNoTracking().ToDictionaryAsync(f => f.Id, f => f.Question, ct));
        var row = changed.EnumerateArray().First(r => r.GetProperty("heldOut").GetBoolean());
        var topic = topics.Single(t => row.GetProperty("afterFaqId").GetGuid() == t.Right);
        Assert.NotEqual(topic.Right, row.GetProperty("beforeFaqId").GetGuid());
        Assert.Equal(questions[row.GetProperty("beforeFaqId").GetGuid()], row.GetProperty("beforeQuestion").GetString());
        Assert.Equal(questions[topic.Right], row.GetProperty("afterQuestion").GetString());
        Assert.Equal(2, row.GetProperty("afterGrade").GetInt32());

        // Proposed only: the earlier model stays active until an editor promotes.
        var proposed = run.GetProperty("modelId").GetInt64();
        Assert.Equal(earlier, await ActiveModelAsync(host, ct));
        var page = await editor.GetStringAsync(new Uri($"/console/faq/ranking/models?run={runId}", UriKind.Relative), ct);
        Assert.Contains("id=\"changed-answers\"", page, StringComparison.Ordinal);
        Assert.Contains("上位10件の並びのよさ（nDCG@10）", page, StringComparison.Ordinal);
        Assert.Contains("aria-live=\"polite\"", page, StringComparison.Ordinal);
        Assert.Contains(questions[topic.Right], page, StringComparison.Ordinal);

        // Promote needs the confirmation; then it is active and logged with the editor.
        using var unconfirmed = await editor.PostAsJsonAsync(ActivateUri(proposed), new { }, ct);
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        Assert.Equal(earlier, await ActiveModelAsync(host, ct));
        using var promoted = await editor.PostAsJsonAsync(ActivateUri(proposed), new { confirm = true }, ct);
        Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);
        Assert.Equal(proposed, await ActiveModelAsync(host, ct));
        using var again = await editor.PostAsJsonAsync(ActivateUri(proposed), new { confirm = true }, ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        // Roll back to the earlier model.
        using var rolledBack = await editor.PostAsJsonAsync(ActivateUri(earlier), new { confirm = true }, ct);
        Assert.Equal(HttpStatusCode.OK, rolledBack.StatusCode);
        Assert.Equal(earlier, await ActiveModelAsync(host, ct));

        var log = await editor.GetFromJsonAsync<JsonElement>(new Uri("/api/faq/ranking/model-activations", UriKind.Relative), ct);
        var lines = log.EnumerateArray().ToList();
        Assert.Equal(2, lines.Count);
        Assert.Equal(("rollback", earlier, proposed), (lines[0].GetProperty("action").GetString(), lines[0].GetProperty("modelId").GetInt64(), lines[0].GetProperty("previousModelId").GetInt64()));
        Assert.Equal(("promote", proposed, earlier), (lines[1].GetProperty("action").GetString(), lines[1].GetProperty("modelId").GetInt64(), lines[1].GetProperty("previousModelId").GetInt64()));
        var editorId = lines[0].GetProperty("userId").GetGuid();
        Assert.Equal(editorId, lines[1].GetProperty("userId").GetGuid());
        Assert.False(string.IsNullOrEmpty(lines[0].GetProperty("userName").GetString()));
        Assert.All(lines, l => Assert.Equal("console", l.GetProperty("via").GetString()));
        var models = await editor.GetFromJsonAsync<JsonElement>(new Uri("/api/faq/ranking/models", UriKind.Relative), ct);
        var proposedItem = models.EnumerateArray().Single(m => m.GetProperty("id").GetInt64() == proposed);
        Assert.Equal(editorId, proposedItem.GetProperty("activatedByUserId").GetGuid());
        Assert.False(proposedItem.GetProperty("isActive").GetBoolean());
        var logPage = await editor.GetStringAsync(new Uri("/console/faq/ranking/models", UriKind.Relative), ct);
        Assert.Contains("ロールバック（前のモデルへ）", logPage, StringComparison.Ordinal);
        Assert.Contains("昇格（新しいモデルへ）", logPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartRun_ChangedAnswers_AreCiphertextInTheTable()
    {
        // Arrange
        var ct = TestTimeout.Token(300);
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, cancellationToken: ct);
        var topics = await PlatformTrainingTests.SeedTopicsAsync(host, ct);
        await PlatformTrainingTests.JudgeAsync(host, topics.Select(t => (t.Query, t.Right)), ct);
        using var editor = await host.SignInAsync("faq-editor", ct);

        // Act
        using var started = await editor.PostAsync(Runs, null, ct);
        var runId = (await started.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetInt64();
        var run = await WaitForRunAsync(editor, runId, ct);

        // Assert: the API shows the masked queries as asked (not the folded label keys); the column holds none of their text.
        var query = run.GetProperty("changedAnswers")[0].GetProperty("query").GetString()!;
        Assert.Contains(query, topics.Select(t => t.Query));
        var raw = await FaqTestData.WithFaqDbAsync(host, db =>
            db.Database.SqlQueryRaw<string>("SELECT \"ChangedAnswersJson\" AS \"Value\" FROM ranking_training_runs WHERE \"Id\" = {0}", runId).SingleAsync(ct));
        Assert.DoesNotContain(query, raw, StringComparison.Ordinal);
        Assert.DoesNotContain(query[..3], raw, StringComparison.Ordinal);
        Assert.DoesNotContain("を知りたい", raw, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Logs, line => line.Contains(query, StringComparison.Ordinal));
    }

    [Fact]
    public async Task StartRun_WhileAnotherRuns_Is409NamingIt()
    {
        // Arrange: another node is training (fresh heartbeat).
        var ct = TestTimeout.Token(120);
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, cancellationToken: ct);
        var running = await AddRunningRunAsync(host, "other-node", DateTime.UtcNow, ct);
        using var editor = await host.SignInAsync("faq-editor", ct);

        // Act
        using var response = await editor.PostAsync(Runs, null, ct);

        // Assert
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal("A training run is already queued or running.", problem.GetProperty("title").GetString());
        Assert.StartsWith($"Training run {running} is running (requested at ", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("on node other-node", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var page = await editor.GetStringAsync(new Uri("/console/faq/ranking/models", UriKind.Relative), ct);
        Assert.Contains("id=\"train-busy\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartRun_RunningRunWithStaleHeartbeat_IsFailedAndTheNewRunStarts()
    {
        // Arrange: a node died mid-run ten minutes ago.
        var ct = TestTimeout.Token(120);
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, cancellationToken: ct);
        var dead = await AddRunningRunAsync(host, "dead-node", DateTime.UtcNow.AddMinutes(-10), ct);
        using var editor = await host.SignInAsync("faq-editor", ct);

        // Act
        using var response = await editor.PostAsync(Runs, null, ct);

        // Assert: the stale run is failed for the editors to read; the new one runs (and fails: no judgements).
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var stale = await editor.GetFromJsonAsync<JsonElement>(new Uri($"/api/faq/ranking/training-runs/{dead}", UriKind.Relative), ct);
        Assert.Equal("failed", stale.GetProperty("status").GetString());
        Assert.Equal(TrainingRunFailure.NodeStopped, stale.GetProperty("failureReason").GetString());
        var runId = (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetInt64();
        var run = await WaitForRunAsync(editor, runId, ct);
        Assert.Equal("failed", run.GetProperty("status").GetString());
        Assert.Equal(TrainingRunFailure.TooFewJudgements, run.GetProperty("failureReason").GetString());
        var page = await editor.GetStringAsync(new Uri($"/console/faq/ranking/models?run={runId}", UriKind.Relative), ct);
        Assert.Contains("判定がまだ足りません", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScheduledRun_AutoPromoteAndBetter_PromotesItselfAndLogsTheSchedule()
    {
        // Arrange: the schedule's time is one the test passes explicitly (the runner's own clock reaches 23:59 Japan
        // time only in the last minute of a day).
        var ct = TestTimeout.Token(300);
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, Schedule(autoPromote: true), ct);
        var topics = await PlatformTrainingTests.SeedTopicsAsync(host, ct);
        await PlatformTrainingTests.JudgeAsync(host, topics.Select(t => (t.Query, t.Right)), ct);
        var earlier = await PlatformTrainingTests.AddActiveModelAsync(host, preferAnswersWithoutQueryWords: false, ct);
        using var editor = await host.SignInAsync("faq-editor", ct);

        // Act
        var runId = await QueueScheduledAsync(host, ct);
        var run = await WaitForRunAsync(editor, runId, ct);

        // Assert
        Assert.Equal("schedule", run.GetProperty("trigger").GetString());
        Assert.True(run.GetProperty("autoPromoted").GetBoolean(), run.ToString());
        var proposed = run.GetProperty("modelId").GetInt64();
        Assert.Equal(proposed, await ActiveModelAsync(host, ct));
        var log = await editor.GetFromJsonAsync<JsonElement>(new Uri("/api/faq/ranking/model-activations", UriKind.Relative), ct);
        var line = Assert.Single(log.EnumerateArray());
        Assert.Equal(("auto_promote", "schedule", earlier), (line.GetProperty("action").GetString(), line.GetProperty("via").GetString(), line.GetProperty("previousModelId").GetInt64()));
        Assert.Equal(JsonValueKind.Null, line.GetProperty("userId").ValueKind);
        Assert.Null(await QueueScheduledOrNullAsync(host, ct));
    }

    [Fact]
    public async Task ScheduledRun_AutoPromoteButWorse_OnlyProposes()
    {
        // Arrange: the active model puts each right FAQ first; judgements favour the decoys except on the held-out queries.
        var ct = TestTimeout.Token(300);
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, Schedule(autoPromote: true), ct);
        var topics = await PlatformTrainingTests.SeedTopicsAsync(host, ct);
        var heldOut = PlatformTrainingTests.HeldOutQueries(topics.Select(t => t.Query).ToList(), ExecuteTrainingRun.Seed);
        await PlatformTrainingTests.JudgeAsync(host, topics.Select(t => (t.Query, heldOut.Contains(t.Query) ? t.Right : t.Decoy)), ct);
        var active = await PlatformTrainingTests.AddActiveModelAsync(host, preferAnswersWithoutQueryWords: true, ct);
        using var editor = await host.SignInAsync("faq-editor", ct);

        // Act
        var runId = await QueueScheduledAsync(host, ct);
        var run = await WaitForRunAsync(editor, runId, ct);

        // Assert
        Assert.Equal("succeeded", run.GetProperty("status").GetString());
        Assert.False(run.GetProperty("notWorse").GetBoolean(), run.ToString());
        Assert.False(run.GetProperty("autoPromoted").GetBoolean());
        Assert.Equal(active, await ActiveModelAsync(host, ct));
        var log = await editor.GetFromJsonAsync<JsonElement>(new Uri("/api/faq/ranking/model-activations", UriKind.Relative), ct);
        Assert.Equal(0, log.GetArrayLength());
    }

    [Fact]
    public async Task ModelsPage_ActivateWithoutScript_GoesThroughTheConfirmationPage()
    {
        // Arrange: an active model and a newer one, as a page without script sees them.
        var ct = TestTimeout.Token(180);
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, cancellationToken: ct);
        var json = await PlatformTrainingTests.TrainedModelJsonAsync(host, ct);
        long older, newer;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FaqDbContext>();
            var one = new ConversationHub.Faq.Ranking.History.RankingModelRecord(json, null, null, 10, 0.6, 0.5, DateTime.UtcNow);
            one.Activate(DateTime.UtcNow);
            var two = new ConversationHub.Faq.Ranking.History.RankingModelRecord(json, null, null, 10, 0.7, 0.6, DateTime.UtcNow);
            db.RankingModels.AddRange(one, two);
            await db.SaveChangesAsync(ct);
            (older, newer) = (one.Id, two.Id);
        }

        using var editor = await host.SignInAsync("faq-editor", ct);
        const string page = "/console/faq/ranking/models";

        // Act: the list's button leads to the confirmation; posting without the confirmation only shows it again.
        var list = await editor.GetStringAsync(new Uri(page, UriKind.Relative), ct);
        var confirmation = await editor.GetStringAsync(new Uri($"{page}?confirm={newer}", UriKind.Relative), ct);
        using var unconfirmed = await FaqEditor.EditorForms.PostAsync(editor, page, page + "?handler=activate", Fields(newer, confirmed: false), ct);
        var activeAfterUnconfirmed = await ActiveModelAsync(host, ct);
        using var confirmed = await FaqEditor.EditorForms.PostAsync(editor, page, page + "?handler=activate", Fields(newer, confirmed: true), ct);

        // Assert
        Assert.Contains($"id=\"activate-{newer}\" href=\"/console/faq/ranking/models?confirm={newer}#confirm\"", list, StringComparison.Ordinal);
        Assert.Contains($"モデル {newer} に切り替えますか", confirmation, StringComparison.Ordinal);
        Assert.Contains("id=\"confirm-activate\"", confirmation, StringComparison.Ordinal);
        Assert.Contains("id=\"cancel-activate\"", confirmation, StringComparison.Ordinal);
        Assert.True(HubHost.IsRedirectTo(unconfirmed, $"{page}?confirm={newer}"), unconfirmed.StatusCode.ToString());
        Assert.Equal(older, activeAfterUnconfirmed);
        Assert.True(HubHost.IsRedirectTo(confirmed, $"{page}?done=activated"), confirmed.StatusCode.ToString());
        Assert.Equal(newer, await ActiveModelAsync(host, ct));
        var after = await editor.GetStringAsync(new Uri($"{page}?done=activated", UriKind.Relative), ct);
        Assert.Contains($"id=\"activate-{older}\"", after, StringComparison.Ordinal);
        Assert.Contains($"モデル {older} に戻す", after, StringComparison.Ordinal);
        Assert.Contains("モデルを切り替えました。", after, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Fields(long id, bool confirmed) => new(StringComparer.Ordinal)
    {
        ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["confirmed"] = confirmed ? "true" : "false",
    };

    internal static Uri ActivateUri(long modelId) => new($"/api/faq/ranking/models/{modelId}/activate", UriKind.Relative);

    /// <summary>Polls the run as the page's script does until it has finished.</summary>
    internal static async Task<JsonElement> WaitForRunAsync(HttpClient client, long runId, CancellationToken ct)
    {
        while (true)
        {
            var run = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/faq/ranking/training-runs/{runId}", UriKind.Relative), ct);
            if (run.GetProperty("status").GetString() is "succeeded" or "failed")
                return run;
            await Task.Delay(250, ct);
        }
    }

    internal static Task<long?> ActiveModelAsync(HubHost host, CancellationToken ct) =>
        FaqTestData.WithFaqDbAsync(host, db => db.RankingModels.AsNoTracking().Where(m => m.IsActive).Select(m => (long?)m.Id).SingleOrDefaultAsync(ct));

    private static Dictionary<string, string?> Schedule(bool autoPromote) => new()
    {
        ["FaqRanking:TrainingSchedule"] = "23:59",
        ["FaqRanking:AutoPromote"] = autoPromote ? "true" : "false",
    };

    private static async Task<long> QueueScheduledAsync(HubHost host, CancellationToken ct) =>
        await QueueScheduledOrNullAsync(host, ct) ?? throw new InvalidOperationException("the scheduled run was not queued");

    /// <summary>Queues the day's scheduled run as the runner's pass does, at 23:59:30 Japan time today.</summary>
    private static async Task<long?> QueueScheduledOrNullAsync(HubHost host, CancellationToken ct)
    {
        var japanNow = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(9));
        var at = new DateTimeOffset(japanNow.Year, japanNow.Month, japanNow.Day, 23, 59, 30, TimeSpan.FromHours(9));
        await using var scope = host.Services.CreateAsyncScope();
        var run = await scope.ServiceProvider.GetRequiredService<QueueScheduledTrainingRun>().ExecuteAsync(at, ct);
        return run?.Id;
    }

    /// <summary>A run that <paramref name="nodeId"/> claimed, with its last heartbeat at <paramref name="heartbeatUtc"/>.</summary>
    internal static async Task<long> AddRunningRunAsync(HubHost host, string nodeId, DateTime heartbeatUtc, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FaqDbContext>();
        var run = new TrainingRun(TrainingRunTrigger.Console, null, null, heartbeatUtc);
        db.TrainingRuns.Add(run);
        await db.SaveChangesAsync(ct);
        await db.TrainingRuns.Where(r => r.Id == run.Id).ExecuteUpdateAsync(
            s => s.SetProperty(r => r.Status, TrainingRunStatus.Running).SetProperty(r => r.NodeId, nodeId)
                .SetProperty(r => r.StartedAtUtc, heartbeatUtc).SetProperty(r => r.HeartbeatAtUtc, heartbeatUtc),
            ct);
        return run.Id;
    }
}
