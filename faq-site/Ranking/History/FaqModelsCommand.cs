using System.Globalization;
using ConversationHub.Core.Events;
using ConversationHub.Faq.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Faq.Ranking.History;

/// <summary>
/// <c>faq models list</c> prints the model history with held-out figures; <c>faq models activate &lt;id&gt;</c> makes an
/// earlier (or newer) model the one every node re-ranks with.
/// </summary>
public static class FaqModelsCommand
{
    /// <summary>Exit code for a finished command.</summary>
    public const int Success = 0;

    /// <summary>Exit code for bad arguments or an unknown model.</summary>
    public const int UsageError = 2;

    private const string Usage = "usage: faq models list | faq models activate <id>";

    /// <summary>Runs the verb.</summary>
    /// <param name="services">The host's services (the FAQ database, hub events).</param>
    /// <param name="args">The arguments after <c>faq models</c>.</param>
    /// <param name="output">The list or the outcome.</param>
    /// <param name="cancellationToken">Cancels the database work.</param>
    /// <returns><see cref="Success"/> or <see cref="UsageError"/>.</returns>
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FaqDbContext>();
        switch (args)
        {
            case ["list"]:
                await ListAsync(db, output, cancellationToken);
                return Success;
            case ["activate", var id] when long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var modelId):
                var events = scope.ServiceProvider.GetRequiredService<IHubEvents>();
                var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
                try
                {
                    if (!await RankingModelHistory.ActivateAsync(db, events, modelId, RankingModelActor.ModelsCommand, time.GetUtcNow().UtcDateTime, cancellationToken))
                        return await FailAsync(output, $"no model {modelId} in the history.", cancellationToken);
                }
                catch (Exception e) when (e is InvalidOperationException or RankingModelActivationConflictException)
                {
                    return await FailAsync(output, e.Message, cancellationToken);
                }

                await output.WriteLineAsync($"faq models: model {modelId} is active.".AsMemory(), cancellationToken);
                return Success;
            default:
                return await FailAsync(output, "expected 'list' or 'activate <id>'.", cancellationToken);
        }
    }

    private static async Task ListAsync(FaqDbContext db, TextWriter output, CancellationToken cancellationToken)
    {
        var models = await db.RankingModels.AsNoTracking().OrderBy(m => m.Id)
            .Select(m => new { m.Id, m.IsActive, m.CreatedAtUtc, m.SnapshotId, m.HeldOutQueries, m.HeldOutNdcg, m.PreviousHeldOutNdcg })
            .ToListAsync(cancellationToken);
        // The latest activation of each model: when, how (console, schedule, command_line) and the staff member's id.
        var activations = (await db.RankingModelActivations.AsNoTracking().OrderBy(a => a.Id).ToListAsync(cancellationToken))
            .GroupBy(a => a.ModelId).ToDictionary(g => g.Key, g => g.Last());
        await output.WriteLineAsync(
            $"{"id",6} {"active",6} {"trained (UTC)",-19} {"snapshot",8} {"held-out",8} {"nDCG@10",8} {"previous",8}  last activated (UTC), via, by".AsMemory(), cancellationToken);
        foreach (var m in models)
        {
            var activated = activations.TryGetValue(m.Id, out var a)
                ? string.Create(CultureInfo.InvariantCulture, $"{a.CreatedAtUtc:yyyy-MM-dd HH:mm:ss}, {a.Via}{(a.UserId is { } user ? ", user " + user : "")}")
                : "never";
            var line = string.Create(
                CultureInfo.InvariantCulture,
                $"{m.Id,6} {(m.IsActive ? "*" : ""),6} {m.CreatedAtUtc,-19:yyyy-MM-dd HH:mm:ss} {m.SnapshotId,8} {m.HeldOutQueries,8} {m.HeldOutNdcg,8:0.0000} {m.PreviousHeldOutNdcg,8:0.0000}  {activated}");
            await output.WriteLineAsync(line.AsMemory(), cancellationToken);
        }
    }

    private static async Task<int> FailAsync(TextWriter output, string message, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync($"faq models: {message}".AsMemory(), cancellationToken);
        await output.WriteLineAsync(Usage.AsMemory(), cancellationToken);
        return UsageError;
    }
}
