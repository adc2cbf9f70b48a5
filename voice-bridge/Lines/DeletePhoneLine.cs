using ConversationHub.VoiceBridge.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ConversationHub.VoiceBridge.Lines;

/// <summary>Removes a line (its calls are no longer taken), only from the version the editor saw and never while it forwards.</summary>
internal sealed partial class DeletePhoneLine(VoiceDbContext db, PhoneLineValidator validator, PhoneLinesSync sync, ILogger<DeletePhoneLine> logger)
{
    public async Task<LineEditResult> ExecuteAsync(string number, int? version, Guid? by, CancellationToken cancellationToken)
    {
        var line = await db.Lines.FirstOrDefaultAsync(l => l.Number == number, cancellationToken);
        if (line is null)
        {
            return new LineEditResult(LineEditOutcome.NotFound);
        }

        if (version is null)
        {
            return LineEditResult.Invalid("version", validator.VersionRequired);
        }

        if (version != line.Version)
        {
            return new LineEditResult(LineEditOutcome.Stale);
        }

        if (line.EmergencyOn)
        {
            return LineEditResult.Invalid("emergencyOn", validator.DeleteWhileOn);
        }

        db.Lines.Remove(line);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new LineEditResult(LineEditOutcome.Stale);
        }

        Log.Deleted(logger, line.Number, by);
        await sync.ChangedAsync(cancellationToken);
        return new LineEditResult(LineEditOutcome.Saved, line);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 5412, Level = LogLevel.Information, Message = "Phone line {LineNumber} removed by staff {StaffId}")]
        public static partial void Deleted(ILogger logger, string lineNumber, Guid? staffId);
    }
}
