using ConversationHub.Core.Events;
using ConversationHub.Faq.Persistence;
using ConversationHub.Faq.Ranking.History;
using ConversationHub.Faq.Ranking.Judgements;
using ConversationHub.Faq.Ranking.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ConversationHub.Faq.Ranking.Reranking;

/// <summary>
/// Puts the active model of the history (if any) into this node's re-ranker at start-up, after migrations, and
/// again whenever any node activates one (<see cref="RankingModelTopics.Activated"/>). An active model this build
/// cannot use stops start-up with a one-line message. The model's confirmed-query signals come from the
/// judgement snapshot it was trained on, so serving sees what training saw.
/// </summary>
internal sealed partial class ActiveRankingModelService(
    IServiceScopeFactory scopes, FaqReranker reranker, IHubEvents events, ILogger<ActiveRankingModelService> logger) : IHostedService
{
    private IDisposable? _subscription;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await LoadActiveAsync(cancellationToken);
        _subscription = events.Subscribe(RankingModelTopics.Activated, (_, ct) => LoadActiveAsync(ct));
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    private async Task LoadActiveAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FaqDbContext>();
        var record = await db.RankingModels.AsNoTracking().FirstOrDefaultAsync(m => m.IsActive, cancellationToken);
        if (record is null)
            return;
        var model = RankingModelHistory.Load(record);
        var signals = await SignalsOfAsync(db, record, cancellationToken);
        reranker.Use(model, signals);
        Log.Activated(logger, record.Id, model.TreeCount);
    }

    private static async Task<JudgedQuerySignals> SignalsOfAsync(FaqDbContext db, RankingModelRecord record, CancellationToken cancellationToken)
    {
        var snapshot = record.SnapshotId is { } id ? await db.JudgementSnapshots.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken) : null;
        var judgements = snapshot is null ? [] : await JudgementSnapshots.ReadAsync(db, snapshot, cancellationToken);
        return new JudgedQuerySignals(JudgementLabels.Build(judgements).Select(l => (l.Key, (IReadOnlyDictionary<string, int>)l.Value)));
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2402, Level = LogLevel.Information, Message = "Search re-ranks with ranking model {ModelId} from the history ({Trees} trees)")]
        public static partial void Activated(ILogger logger, long modelId, int trees);
    }
}
