using ConversationHub.VoiceBridge.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ConversationHub.VoiceBridge.Lines;

/// <summary>
/// Replaces a line's settings, only from the version the editor saw (else <see cref="LineEditOutcome.Stale"/>). The prepared
/// forward target cannot change while the forward is on: that would move live calls without a switch log entry.
/// </summary>
internal sealed partial class UpdatePhoneLine(VoiceDbContext db, PhoneLineValidator validator, PhoneLinesSync sync, TimeProvider time, ILogger<UpdatePhoneLine> logger)
{
    public async Task<LineEditResult> ExecuteAsync(string number, PhoneLineRequest request, Guid? by, CancellationToken cancellationToken)
    {
        var line = await db.Lines.FirstOrDefaultAsync(l => l.Number == number, cancellationToken);
        if (line is null)
        {
            return new LineEditResult(LineEditOutcome.NotFound);
        }

        var errors = validator.Validate(request, line.Number, out var valid);
        if (request.Version is null)
        {
            errors["version"] = [validator.VersionRequired];
        }

        if (errors.Count > 0)
        {
            return new LineEditResult(LineEditOutcome.Invalid, Errors: errors);
        }

        if (request.Version != line.Version)
        {
            return new LineEditResult(LineEditOutcome.Stale);
        }

        if (line.EmergencyOn && !string.Equals(valid.EmergencyForwardTo, line.EmergencyForwardTo, StringComparison.Ordinal))
        {
            return LineEditResult.Invalid("emergencyForwardTo", validator.ForwardToWhileOn);
        }

        CreatePhoneLine.Apply(line, valid, time.GetUtcNow().UtcDateTime);
        line.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new LineEditResult(LineEditOutcome.Stale);
        }

        Log.Updated(logger, line.Number, line.Version, by);
        await sync.ChangedAsync(cancellationToken);
        return new LineEditResult(LineEditOutcome.Saved, line);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 5411, Level = LogLevel.Information, Message = "Phone line {LineNumber} changed to version {Version} by staff {StaffId}")]
        public static partial void Updated(ILogger logger, string lineNumber, int version, Guid? staffId);
    }
}
