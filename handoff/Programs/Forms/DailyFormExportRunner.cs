using ConversationHub.Core.Calendar;
using ConversationHub.Core.Persistence;
using ConversationHub.Handoff.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConversationHub.Handoff.Programs.Forms;

/// <summary>
/// Makes each form's CSV of the previous Japan day once <see cref="FormExportOptions.DailyAt"/> has passed, for the
/// days its program was in service. Each file is claimed first (a unique (form, day) row, as the reports' schedule
/// does), so every node may call this and each file is made once.
/// </summary>
internal sealed partial class DailyFormExportRunner(
    IServiceScopeFactory scopes,
    IOptionsMonitor<FormExportOptions> options,
    TimeProvider time,
    ILogger<DailyFormExportRunner> logger)
{
    /// <summary>Makes what is due; returns how many files this call made.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = JapanTime.ToJapan(time.GetUtcNow());
        if (now.TimeOfDay < options.CurrentValue.DailyAt)
        {
            return 0;
        }

        var yesterday = DateOnly.FromDateTime(now.DateTime).AddDays(-1);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
        var programs = await db.Programs.AsNoTracking()
            .Where(p => p.DisposedAtUtc == null && p.StartsOn <= yesterday && p.ServiceEndsOn >= yesterday)
            .Select(p => p.Id).ToListAsync(cancellationToken);
        var forms = await scope.ServiceProvider.GetRequiredService<ProgramForms>().ListAllAsync(cancellationToken);
        var made = 0;
        foreach (var form in forms.Where(f => programs.Contains(f.ProgramId)))
        {
            try
            {
                if (await MakeAsync(form, yesterday, cancellationToken))
                {
                    made++;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The claim stays without a file: the list shows it as not made, and an administrator sees the log.
                Log.Failed(logger, form.FormId, yesterday, ex);
            }
        }

        return made;
    }

    private async Task<bool> MakeAsync(FormDefinition form, DateOnly day, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
        var claim = new ProgramFormExport(form.FormId, form.ProgramId, day, time.GetUtcNow().UtcDateTime);
        if (!await UniqueClaims.TryInsertAsync(db, claim, e => e.FormId == claim.FormId && e.Day == claim.Day, cancellationToken))
        {
            return false;
        }

        var export = scope.ServiceProvider.GetRequiredService<FormExport>();
        var (csv, rows) = await export.CsvAsync(form, day, day, cancellationToken);
        claim.Complete(csv, rows, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        Log.Made(logger, form.FormId, day, rows);
        return true;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4900, Level = LogLevel.Information, Message = "Made the daily CSV of form {FormId} for {Day} ({Rows} entries).")]
        public static partial void Made(ILogger logger, Guid formId, DateOnly day, int rows);

        [LoggerMessage(EventId = 4901, Level = LogLevel.Warning, Message = "Making the daily CSV of form {FormId} for {Day} failed; it stays listed as not made.")]
        public static partial void Failed(ILogger logger, Guid formId, DateOnly day, Exception exception);
    }
}
