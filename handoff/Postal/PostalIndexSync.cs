using System.Diagnostics;
using System.Security.Cryptography;
using ConversationHub.Core.Events;
using ConversationHub.Handoff.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConversationHub.Handoff.Postal;

/// <summary>
/// Keeps this node's postal index equal to the stored dataset: loads it after start (in the background, so start and
/// <c>/readyz</c> do not wait for it), loads <see cref="PostalOptions.Source"/> when that file changed, seeds the demo's
/// dataset when none is stored, and reloads when another node stores one or the event bus reconnects.
/// </summary>
internal sealed partial class PostalIndexSync(
    IHubEvents events,
    IServiceScopeFactory scopes,
    PostalCodeDirectory directory,
    IOptions<PostalOptions> options,
    IEnumerable<IPostalSeedSource> seeds,
    ILogger<PostalIndexSync> logger) : BackgroundService
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly HubSubscriptions _subscriptions = new();

    public override void Dispose()
    {
        _subscriptions.Dispose();
        _gate.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        _subscriptions.Add(events.Subscribe(HandoffTopics.PostalDatasetChanged, (e, ct) => e.OriginNodeId == events.NodeId ? Task.CompletedTask : ReloadAsync(ct)));
        _subscriptions.Add(events.Subscribe(HubEventTopics.Reconnected, (_, ct) => ReloadAsync(ct)));
        try
        {
            await ReloadAsync(stoppingToken);
            await LoadConfiguredSourceAsync(stoppingToken);
            await SeedAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.StartLoadFailed(logger, ex);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _subscriptions.Dispose();
        await base.StopAsync(cancellationToken);
    }

    /// <summary>Loads the stored dataset into the index unless this node already serves it.</summary>
    internal async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
            var stored = await StoredInfoAsync(db, cancellationToken);
            if (stored is null || directory.Serves(stored))
            {
                return;
            }

            var data = await db.PostalDatasets.AsNoTracking().Where(d => d.Id == PostalDataset.CurrentId).Select(d => d.Data).SingleAsync(cancellationToken);
            var started = Stopwatch.GetTimestamp();
            var index = PostalIndex.Build(PostalDatasetCodec.Decode(data));
            var buildTime = Stopwatch.GetElapsedTime(started);
            directory.Publish(index, stored, buildTime);
            Log.Loaded(logger, index.EntryCount, index.CodeCount, (long)buildTime.TotalMilliseconds);
        }
        finally
        {
            _gate.Release();
        }
    }

    internal static Task<PostalDatasetInfo?> StoredInfoAsync(HandoffDbContext db, CancellationToken cancellationToken) =>
        db.PostalDatasets.AsNoTracking().Where(d => d.Id == PostalDataset.CurrentId)
            .Select(d => new PostalDatasetInfo(d.SourceName, d.Format, d.Sha256, d.EntryCount, d.CodeCount, d.MalformedLines, d.LoadedAtUtc, d.LoadedBy))
            .FirstOrDefaultAsync(cancellationToken);

    private async Task LoadConfiguredSourceAsync(CancellationToken cancellationToken)
    {
        var path = options.Value.Source;
        if (string.IsNullOrWhiteSpace(path))
        {
            return;
        }

        var file = new FileInfo(path);
        if (!file.Exists || file.Length > options.Value.MaxFileBytes)
        {
            Log.SourceUnusable(logger, PostalOptions.SectionName + ":Source", file.Exists ? file.Length : -1);
            return;
        }

        var bytes = await File.ReadAllBytesAsync(file.FullName, cancellationToken);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        await using var scope = scopes.CreateAsyncScope();
        if ((await StoredInfoAsync(scope.ServiceProvider.GetRequiredService<HandoffDbContext>(), cancellationToken))?.Sha256 == sha)
        {
            return;
        }

        var result = await scope.ServiceProvider.GetRequiredService<ImportPostalDataset>()
            .ImportAsync(bytes, file.FullName, "setting:Postal:Source", PostalImportMode.Replace, cancellationToken);
        if (!result.Stored)
        {
            Log.SourceUnusable(logger, PostalOptions.SectionName + ":Source", file.Length);
        }
    }

    private async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (directory.Dataset is not null || !string.IsNullOrWhiteSpace(options.Value.Source))
        {
            return;
        }

        foreach (var seed in seeds.Where(s => s.IsEnabled))
        {
            var bytes = await seed.ReadAsync(cancellationToken);
            await using var scope = scopes.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<ImportPostalDataset>()
                .ImportAsync(bytes, seed.Name, "demo", PostalImportMode.SeedIfEmpty, cancellationToken);
            if (!result.Stored)
            {
                // Another node seeded at the same moment: serve what it stored.
                await ReloadAsync(cancellationToken);
            }

            return;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4301, Level = LogLevel.Information, Message = "Postal code index loaded from the database: {Entries} entries, {Codes} codes in {BuildMs} ms")]
        public static partial void Loaded(ILogger logger, int entries, int codes, long buildMs);

        [LoggerMessage(EventId = 4302, Level = LogLevel.Warning, Message = "The file named by {Setting} is missing, over the size limit or holds no postal code ({Bytes} bytes); the stored dataset stays")]
        public static partial void SourceUnusable(ILogger logger, string setting, long bytes);

        [LoggerMessage(EventId = 4303, Level = LogLevel.Error, Message = "Loading the postal code dataset at start failed; lookups answer 503 until one is loaded")]
        public static partial void StartLoadFailed(ILogger logger, Exception exception);
    }
}
