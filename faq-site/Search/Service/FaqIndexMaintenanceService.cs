using ConversationHub.Core.Events;
using ConversationHub.Faq.Persistence;
using ConversationHub.Faq.Search.Index;
using ConversationHub.Faq.Synonyms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ConversationHub.Faq.Search.Service;

/// <summary>
/// Builds this node's index at start-up (after migrations and seeding) and keeps it current: one FAQ on
/// <see cref="FaqSearchTopics.FaqChanged"/> (all of them after a bulk change), everything after the event bus reconnects (events may be lost).
/// </summary>
internal sealed partial class FaqIndexMaintenanceService(
    IServiceScopeFactory scopes,
    FaqSearchService search,
    InMemorySynonymDictionary synonyms,
    IHubEvents events,
    ILogger<FaqIndexMaintenanceService> logger) : IHostedService, IDisposable
{
    private readonly HubSubscriptions _subscriptions = new();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await RebuildAsync(cancellationToken);
        _subscriptions.Add(events.Subscribe(FaqSearchTopics.FaqChanged, (e, ct) => RefreshAsync(e.Payload, ct)));
        _subscriptions.Add(events.Subscribe(SynonymTopics.Changed, (_, ct) => ReloadSynonymsAsync(ct)));
        _subscriptions.Add(events.Subscribe(HubEventTopics.Reconnected, (_, ct) => RebuildAsync(ct)));
    }

    public void Dispose() => _subscriptions.Dispose();

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscriptions.Dispose();
        return Task.CompletedTask;
    }

    private async Task RebuildAsync(CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FaqDbContext>();
        await SynonymDictionaryLoader.LoadAsync(db, synonyms, cancellationToken);
        var faqs = await FaqSearchDocuments.LoadAsync(db, null, cancellationToken);
        search.ReplaceAll(faqs);
        var elapsed = TimeProvider.System.GetElapsedTime(started).TotalMilliseconds;
        Log.Rebuilt(logger, faqs.Count, elapsed);
    }

    // Synonyms apply at query time, so a reload needs no index rebuild.
    private async Task ReloadSynonymsAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await SynonymDictionaryLoader.LoadAsync(scope.ServiceProvider.GetRequiredService<FaqDbContext>(), synonyms, cancellationToken);
    }

    private async Task RefreshAsync(string payload, CancellationToken cancellationToken)
    {
        if (payload == FaqSearchTopics.AllFaqs)
        {
            await RebuildAsync(cancellationToken);
            return;
        }

        if (!Guid.TryParse(payload, out var faqId))
        {
            Log.BadPayload(logger);
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var found = await FaqSearchDocuments.LoadAsync(scope.ServiceProvider.GetRequiredService<FaqDbContext>(), faqId, cancellationToken);
        if (found.Count == 0)
        {
            search.Remove(faqId);
        }
        else
        {
            search.Upsert(found[0].Entry, found[0].Document);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2200, Level = LogLevel.Information, Message = "Search index built: {Count} FAQs in {Milliseconds} ms")]
        public static partial void Rebuilt(ILogger logger, int count, double milliseconds);

        [LoggerMessage(EventId = 2201, Level = LogLevel.Warning, Message = "Ignored a faq.changed event without an FAQ id")]
        public static partial void BadPayload(ILogger logger);
    }
}
