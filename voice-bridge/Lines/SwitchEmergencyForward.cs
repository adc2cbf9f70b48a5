using ConversationHub.VoiceBridge.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ConversationHub.VoiceBridge.Lines;

/// <summary>
/// 代表電話の切替: turns "forward every call to &lt;number&gt;" on or off for a line in one step, from the version the
/// switcher saw. The change and its audit entry are saved together; every node forwards the next call. Switching on while
/// on changes the target (logged); switching off while off changes nothing.
/// </summary>
internal sealed partial class SwitchEmergencyForward(VoiceDbContext db, PhoneLineValidator validator, PhoneLinesSync sync, TimeProvider time, ILogger<SwitchEmergencyForward> logger)
{
    public async Task<LineEditResult> ExecuteAsync(string number, EmergencySwitchRequest request, Guid? by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var line = await db.Lines.FirstOrDefaultAsync(l => l.Number == number, cancellationToken);
        if (line is null)
        {
            return new LineEditResult(LineEditOutcome.NotFound);
        }

        string? target = null;
        if (request.On)
        {
            if (validator.ValidateTarget(request.ForwardTo ?? line.EmergencyForwardTo, line.Number, out var normalized) is { } problem)
            {
                return LineEditResult.Invalid("forwardTo", problem);
            }

            target = normalized;
        }

        if (request.Version is null)
        {
            return LineEditResult.Invalid("version", validator.VersionRequired);
        }

        if (request.Version != line.Version)
        {
            return new LineEditResult(LineEditOutcome.Stale);
        }

        if (line.EmergencyOn == request.On && (!request.On || line.EmergencyForwardTo == target))
        {
            return new LineEditResult(LineEditOutcome.Saved, line);
        }

        var now = time.GetUtcNow().UtcDateTime;
        line.EmergencyOn = request.On;
        if (target is not null)
        {
            line.EmergencyForwardTo = target;
        }

        line.EmergencySwitchedBy = by;
        line.EmergencySwitchedAtUtc = now;
        line.UpdatedAtUtc = now;
        line.Version++;
        db.LineSwitches.Add(new VoiceLineSwitch { LineNumber = line.Number, On = request.On, ForwardTo = target, SwitchedBy = by, SwitchedAtUtc = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new LineEditResult(LineEditOutcome.Stale);
        }

        // The target may be a person's mobile (the duty officer's): it stays in the audit list, out of the log.
        Log.Switched(logger, line.Number, request.On, by);
        await sync.ChangedAsync(cancellationToken);
        return new LineEditResult(LineEditOutcome.Saved, line);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 5413, Level = LogLevel.Warning, Message = "Emergency forward of phone line {LineNumber} switched {On} by staff {StaffId}")]
        public static partial void Switched(ILogger logger, string lineNumber, bool on, Guid? staffId);
    }
}
