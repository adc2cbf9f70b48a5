using ConversationHub.Core.Persistence;
using ConversationHub.Faq.KnowledgeBase.Domain;
using ConversationHub.Faq.Ranking;
using ConversationHub.Faq.Ranking.Features;
using ConversationHub.Faq.Ranking.History;
using ConversationHub.Faq.Ranking.Judgements;
using ConversationHub.Faq.Ranking.Training;
using ConversationHub.Faq.Search.Index;
using ConversationHub.Faq.Search.Misses;
using ConversationHub.Faq.Search.Service;
using ConversationHub.Host.Tests.FaqSite;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace ConversationHub.Host.Tests.Ranking;

/// <summary>
/// Judgements in the database → <c>faq train</c> (the command's code, in-process) → model promoted → the node's
/// search order follows it. Each test runs its own host: an active model changes every search of that host.
/// </summary>
public sealed class PlatformTrainingTests(ITestOutputHelper output)
{
    private const string Katakana = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモラリルレロ";

    [Fact]
    public async Task Train_JudgementsFavourShortQuestions_PromotesAndSearchFollows()
    {
        // Arrange: per topic, the right FAQ names the topic's words once in its question; a decoy repeats them
        // in a long answer and wins first-stage search. Editors mapped one citizen query per topic to the right FAQ.
        var ct = TestTimeout.Token(240);
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, cancellationToken: ct);
        var topics = await SeedTopicsAsync(host, ct);
        await JudgeAsync(host, topics.Select(t => (t.Query, t.Right)), ct);

        var search = host.Services.GetRequiredService<FaqSearchService>();
        var probe = topics[^1];
        var before = search.Search(probe.Query, FaqAudience.Public, top: 3);
        Assert.Equal(probe.Decoy, before[0].FaqId);

        // Act
        var (exit, report) = await TrainOnPlatformAsync(host, ct);

        // Assert: promoted (first-stage order is the bar with no active model), recorded with its snapshot.
        Assert.Equal(FaqTrainCommand.Success, exit);
        var model = await FaqTestData.WithFaqDbAsync(host, db => db.RankingModels.AsNoTracking().SingleAsync(ct));
        Assert.True(model.IsActive, report);
        Assert.True(model.HeldOutNdcg >= model.PreviousHeldOutNdcg);
        var snapshot = await FaqTestData.WithFaqDbAsync(host, db => db.JudgementSnapshots.AsNoTracking().SingleAsync(s => s.Id == model.SnapshotId, ct));
        Assert.Equal(snapshot.ContentHash, model.SnapshotHash);
        Assert.Contains(snapshot.ContentHash, model.ModelJson, StringComparison.Ordinal);

        // The activation event reaches this node's re-ranker asynchronously; poll for the new order.
        Guid top = before[0].FaqId;
        for (var i = 0; i < 50 && top != probe.Right; i++)
        {
            await Task.Delay(100, ct);
            top = search.Search(probe.Query, FaqAudience.Public, top: 3)[0].FaqId;
        }

        Assert.Equal(probe.Right, top);
        var rightFirst = topics.Count(t => search.Search(t.Query, FaqAudience.Public, top: 3)[0].FaqId == t.Right);
        Assert.True(rightFirst > topics.Count * 3 / 4, $"right FAQ first for {rightFirst} of {topics.Count} topics");
    }

    [Fact]
    public async Task Train_PromotedOnNodeA_IsServedByNodeB()
    {
        // Arrange: two nodes on one PostgreSQL database; FAQs, judgements and training all go through node A.
        var ct = TestTimeout.Token(300);
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, ct);
        var pii = TestPii.CreateOptions();
        await using var nodeA = HubHost.Start(database, ownsDatabase: false, pii);
        await using var nodeB = HubHost.Start(database, ownsDatabase: false, pii);
        var topics = await SeedTopicsAsync(nodeA, ct);
        await JudgeAsync(nodeA, topics.Select(t => (t.Query, t.Right)), ct);
        // The test data skips the FAQ change events, so node B indexes the same FAQs itself.
        await FaqTestData.IndexAsync(nodeB, ct, [.. topics.SelectMany(t => new[] { t.Right, t.Decoy })]);
        var searchOnB = nodeB.Services.GetRequiredService<FaqSearchService>();
        var probe = topics[^1];
        Assert.Equal(probe.Decoy, SearchTop(searchOnB, probe.Query));

        // Act
        var (exit, report) = await TrainOnPlatformAsync(nodeA, ct);

        // Assert: promoted on A, and B re-ranks with the same stored model within seconds.
        Assert.Equal(FaqTrainCommand.Success, exit);
        var model = await FaqTestData.WithFaqDbAsync(nodeB, db => db.RankingModels.AsNoTracking().SingleAsync(ct));
        Assert.True(model.IsActive, report);
        for (var i = 0; i < 100 && SearchTop(searchOnB, probe.Query) != probe.Right; i++)
            await Task.Delay(100, ct);
        Assert.Equal(probe.Right, SearchTop(searchOnB, probe.Query));
    }

    private static Guid SearchTop(FaqSearchService search, string query) =>
        search.Search(query, FaqAudience.Public, top: 3) is [var first, ..] ? first.FaqId : Guid.Empty;

    [Fact]
    public async Task Train_ActiveModelBetter_KeepsItActiveAndReactivationWorks()
    {
        // Arrange: a history with one promoted model and one worse one that never replaced it.
        var ct = TestTimeout.Token(120);
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, cancellationToken: ct);
        var json = await TrainedModelJsonAsync(host, ct);
        long good, worse;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ConversationHub.Faq.Persistence.FaqDbContext>();
            var now = DateTime.UtcNow;
            var goodRecord = new RankingModelRecord(json, null, null, 10, 0.9, 0.5, now);
            var worseRecord = new RankingModelRecord(json, null, null, 10, 0.4, 0.9, now);
            db.RankingModels.AddRange(goodRecord, worseRecord);
            await db.SaveChangesAsync(ct);
            (good, worse) = (goodRecord.Id, worseRecord.Id);
        }

        var writer = new StringWriter();

        // Act
        var activateWorse = await FaqModelsCommand.RunAsync(host.Services, ["activate", worse.ToString(System.Globalization.CultureInfo.InvariantCulture)], writer, ct);
        var activateGood = await FaqModelsCommand.RunAsync(host.Services, ["activate", good.ToString(System.Globalization.CultureInfo.InvariantCulture)], writer, ct);
        var unknown = await FaqModelsCommand.RunAsync(host.Services, ["activate", "999999"], writer, ct);
        var list = await FaqModelsCommand.RunAsync(host.Services, ["list"], writer, ct);

        // Assert
        Assert.Equal(FaqModelsCommand.Success, activateWorse);
        Assert.Equal(FaqModelsCommand.Success, activateGood);
        Assert.Equal(FaqModelsCommand.UsageError, unknown);
        Assert.Equal(FaqModelsCommand.Success, list);
        var active = await FaqTestData.WithFaqDbAsync(host, db => db.RankingModels.AsNoTracking().Where(m => m.IsActive).Select(m => m.Id).ToListAsync(ct));
        Assert.Equal([good], active);
        Assert.Contains("no model 999999", writer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Activate_ModelOfOtherFeatures_IsRefusedLoudlyAndActiveStays()
    {
        // Arrange: an active model, and a stored one trained on a feature this build no longer computes.
        var ct = TestTimeout.Token(120);
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, cancellationToken: ct);
        var json = await TrainedModelJsonAsync(host, ct);
        var renamed = json.Replace($"\"{FaqFeatureNames.All[0]}\"", "\"renamed_feature\"", StringComparison.Ordinal);
        Assert.NotEqual(json, renamed);
        long active, mismatched;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ConversationHub.Faq.Persistence.FaqDbContext>();
            var activeRecord = new RankingModelRecord(json, null, null, 10, 0.9, 0.5, DateTime.UtcNow);
            activeRecord.Activate(DateTime.UtcNow);
            var mismatchedRecord = new RankingModelRecord(renamed, null, null, 10, 0.95, 0.9, DateTime.UtcNow);
            db.RankingModels.AddRange(activeRecord, mismatchedRecord);
            await db.SaveChangesAsync(ct);
            (active, mismatched) = (activeRecord.Id, mismatchedRecord.Id);
        }

        var writer = new StringWriter();

        // Act
        var exit = await FaqModelsCommand.RunAsync(host.Services, ["activate", mismatched.ToString(System.Globalization.CultureInfo.InvariantCulture)], writer, ct);

        // Assert
        Assert.Equal(FaqModelsCommand.UsageError, exit);
        Assert.Contains($"Ranking model {mismatched} cannot be used", writer.ToString(), StringComparison.Ordinal);
        Assert.Contains("renamed_feature", writer.ToString(), StringComparison.Ordinal);
        var stillActive = await FaqTestData.WithFaqDbAsync(host, db => db.RankingModels.AsNoTracking().Where(m => m.IsActive).Select(m => m.Id).ToListAsync(ct));
        Assert.Equal([active], stillActive);
    }

    [Fact]
    public async Task Train_WorseThanActiveOnHeldOut_IsStoredButActiveStays()
    {
        // Arrange: the active model puts each topic's right FAQ first. Editors' judgements favour the decoys,
        // except on the queries the verb will hold out (its folds depend only on the seed and the query set).
        var ct = TestTimeout.Token(240);
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, cancellationToken: ct);
        var topics = await SeedTopicsAsync(host, ct);
        var heldOut = HeldOutQueries(topics.Select(t => t.Query).ToList(), seed: 1);
        await JudgeAsync(host, topics.Select(t => (t.Query, heldOut.Contains(t.Query) ? t.Right : t.Decoy)), ct);
        var active = await AddActiveModelAsync(host, preferAnswersWithoutQueryWords: true, ct);

        // Act
        var (exit, report) = await TrainOnPlatformAsync(host, ct);

        // Assert
        Assert.Equal(FaqTrainCommand.Success, exit);
        var models = await FaqTestData.WithFaqDbAsync(host, db => db.RankingModels.AsNoTracking().OrderBy(m => m.Id).ToListAsync(ct));
        Assert.Equal(2, models.Count);
        var trained = models[1];
        Assert.True(trained.HeldOutNdcg < trained.PreviousHeldOutNdcg, report);
        Assert.False(trained.IsActive);
        Assert.Equal([active], models.Where(m => m.IsActive).Select(m => m.Id));
        Assert.Contains("kept inactive (worse)", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_BetterThanActiveOnHeldOut_BecomesActive()
    {
        // Arrange: the active model puts the decoys first; editors mapped every query to its right FAQ.
        var ct = TestTimeout.Token(240);
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, cancellationToken: ct);
        var topics = await SeedTopicsAsync(host, ct);
        await JudgeAsync(host, topics.Select(t => (t.Query, t.Right)), ct);
        var previous = await AddActiveModelAsync(host, preferAnswersWithoutQueryWords: false, ct);

        // Act
        var (exit, report) = await TrainOnPlatformAsync(host, ct);

        // Assert: both kept in the history, the new one active.
        Assert.Equal(FaqTrainCommand.Success, exit);
        var models = await FaqTestData.WithFaqDbAsync(host, db => db.RankingModels.AsNoTracking().OrderBy(m => m.Id).ToListAsync(ct));
        Assert.Equal(2, models.Count);
        Assert.Equal(previous, models[0].Id);
        Assert.False(models[0].IsActive);
        Assert.True(models[1].IsActive, report);
        Assert.True(models[1].HeldOutNdcg > models[1].PreviousHeldOutNdcg, report);
    }

    /// <summary>
    /// Per topic, the right FAQ names the topic's words once in its question; a decoy repeats them in a long answer
    /// and wins first-stage search. The query is a citizen's wording of the topic.
    /// </summary>
    internal static async Task<List<(string Query, Guid Right, Guid Decoy)>> SeedTopicsAsync(HubHost host, CancellationToken ct)
    {
        var random = new Random(11);
        string Word() => string.Concat(Enumerable.Range(0, 3).Select(_ => Katakana[random.Next(Katakana.Length)]));
        var topics = new List<(string Query, Guid Right, Guid Decoy)>();
        for (var t = 0; t < 60; t++)
        {
            var (first, second) = (Word(), Word());
            var right = await FaqTestData.CreateAsync(host, ct, question: $"{first}と{second}について", answer: "詳しくは担当窓口にお問い合わせください。");
            var repeated = string.Join("。", Enumerable.Repeat($"{first}と{second}", 4));
            var decoy = await FaqTestData.CreateAsync(host, ct, question: $"{Word()}と{Word()}について", answer: $"{repeated}。{Word()}もあります。");
            topics.Add(($"{first}と{second}を知りたい", right.Id, decoy.Id));
        }

        await FaqTestData.IndexAsync(host, ct, [.. topics.SelectMany(t => new[] { t.Right, t.Decoy })]);
        return topics;
    }

    /// <summary>Editors map each query to an FAQ (grade 2), through the same use case as the judgements API.</summary>
    internal static async Task JudgeAsync(HubHost host, IEnumerable<(string Query, Guid Faq)> mappings, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var record = scope.ServiceProvider.GetRequiredService<RecordJudgement>();
        foreach (var (query, faq) in mappings)
            Assert.NotNull((await record.ExecuteAsync(new(JudgementSource.EditorMapping, query, faq, 2), ct)).Judgement);
    }

    /// <summary>The queries <c>faq train</c> holds out with this seed: fold 0 of the folded query texts, as the verb assigns them.</summary>
    internal static HashSet<string> HeldOutQueries(IReadOnlyList<string> queries, int seed)
    {
        var keys = queries.Select(q => SynonymExpander.FoldForMatching(SearchQueryMasker.Apply(q))).ToList();
        var placeholders = keys.Select(k => new CandidateQuery(k, k, [], [], [], new Dictionary<string, int>())).ToList();
        var folds = CrossValidation.AssignFolds(placeholders, TrainFromJudgements.HeldOutFolds, seed);
        return [.. queries.Where((_, i) => folds[i] == 0)];
    }

    /// <summary>
    /// Stores an active one-split model: FAQs whose answer holds none of the query's words first (the right FAQs
    /// here), or last (the decoys first).
    /// </summary>
    /// <summary>Runs <c>faq train --seed 1</c> on the host's platform; the report is also written to the test output.</summary>
    private async Task<(int Exit, string Report)> TrainOnPlatformAsync(HubHost host, CancellationToken ct)
    {
        var report = new StringWriter();
        var exit = await FaqTrainCommand.RunOnPlatformAsync(host.Services, ["--seed", "1"], report, ct);
        output.WriteLine(report.ToString());
        return (exit, report.ToString());
    }

    internal static async Task<long> AddActiveModelAsync(HubHost host, bool preferAnswersWithoutQueryWords, CancellationToken ct)
    {
        var (withoutWords, withWords) = preferAnswersWithoutQueryWords ? (1.0, 0.0) : (0.0, 1.0);
        var trees = ConversationHub.Faq.Ranking.MlNet.FlatTreeEnsemble.FromDocument(
            new ConversationHub.Faq.Ranking.MlNet.FlatTreeEnsembleDocument
            {
                Bias = 0,
                Roots = [0],
                SplitFeatures = [FaqFeatureNames.Bm25Words + (int)SearchField.Answer],
                Thresholds = [1e-3f],
                LeftChildren = [~0],
                RightChildren = [~1],
                LeafValues = [withoutWords, withWords],
            },
            FaqFeatureNames.Count);
        var metadata = new FaqRankerTrainingMetadata
        {
            Trainer = "hand-written",
            Members = 1,
            Trees = 1,
            TrainingDataHash = "hand-written",
            TrainingQueries = 0,
            TrainingRows = 0,
            NdcgCutoff = 10,
            TrainingNdcg = 0,
            Seed = 1,
            TrainedAt = DateTimeOffset.UtcNow,
        };
        var json = FaqRankerModelSerializer.Serialize(new FaqRankerModel(FaqFeatureNames.All, new ConversationHub.Faq.Ranking.MlNet.MlNetRankerParameters(), trees, metadata));
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ConversationHub.Faq.Persistence.FaqDbContext>();
        var record = new RankingModelRecord(json, null, null, 0, 0, 0, DateTime.UtcNow);
        record.Activate(DateTime.UtcNow);
        db.RankingModels.Add(record);
        await db.SaveChangesAsync(ct);
        return record.Id;
    }

    /// <summary>A small model trained through the library, as JSON (its quality does not matter here).</summary>
    internal static async Task<string> TrainedModelJsonAsync(HubHost host, CancellationToken ct)
    {
        var topics = new List<(string Query, Guid Right)>();
        for (var t = 0; t < 6; t++)
        {
            var faq = await FaqTestData.CreateAsync(host, ct);
            topics.Add((faq.Question, faq.Id));
        }

        var documents = (await FaqTestData.WithFaqDbAsync(host, db => FaqSearchDocuments.LoadAsync(db, null, ct))).Select(f => f.Document).ToList();
        var queries = topics.Select((t, i) => new ConversationHub.Faq.Evaluation.EvalQuery($"q{i}", t.Query, new Dictionary<string, int> { [FaqSearchDocuments.Key(t.Right)] = 2 })).ToList();
        var candidates = DatasetCandidates.Build(new(documents, queries), 10, ConversationHub.Faq.Ranking.Features.NeutralFaqSignals.Instance, ct);
        return ConversationHub.Faq.Ranking.FaqRankerModelSerializer.Serialize(FaqRankerTraining.Train(candidates, 1, null, ct));
    }
}
