using ConversationHub.Core.Operations;
using ConversationHub.Handoff.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConversationHub.Handoff.Programs.Disposal;

/// <summary>
/// Every <see cref="ProgramDisposalOptions.CheckInterval"/>, disposes of the data of programs whose disposal date has
/// come (Japan time) and of any disposal left unfinished; the record's unique key makes one node start each.
/// </summary>
internal sealed partial class DisposeDueProgramsService(
    IServiceScopeFactory scopes,
    IOptionsMonitor<ProgramDisposalOptions> options,
    TimeProvider time,
    ILogger<DisposeDueProgramsService> logger) : RecurringPassService(time, logger)
{
    protected override bool Enabled => options.CurrentValue.Enabled;

    protected override TimeSpan Interval => options.CurrentValue.CheckInterval;

    protected override string PassName => "programs' disposal";

    /// <summary>One pass: every due program, one after another.</summary>
    protected override async Task RunPassAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var catalog = scope.ServiceProvider.GetRequiredService<ProgramCatalog>();
        var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
        var today = catalog.TodayInJapan();
        var unfinished = db.Set<ProgramDisposalRecord>().Where(r => r.FinishedAtUtc == null).Select(r => r.ProgramId);
        var due = await db.Programs.AsNoTracking()
            .Where(p => (p.DisposalOn <= today && p.DisposedAtUtc == null) || unfinished.Contains(p.Id))
            .ToListAsync(cancellationToken);
        foreach (var program in due)
        {
            var disposal = scope.ServiceProvider.GetRequiredService<ProgramDisposal>();
            if (await disposal.DisposeAsync(program, ProgramDisposalTriggers.Scheduled, null, null, cancellationToken) == ProgramDisposalOutcome.Disposed)
                Log.Disposed(logger, program.Code);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4911, Level = LogLevel.Information, Message = "Program {ProgramCode} disposed of on its disposal date.")]
        public static partial void Disposed(ILogger logger, string programCode);
    }
}
