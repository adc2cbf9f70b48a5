using ConversationHub.VoiceBridge.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ConversationHub.VoiceBridge.Lines;

/// <summary>Adds a phone line; every node serves it at once.</summary>
internal sealed partial class CreatePhoneLine(VoiceDbContext db, PhoneLineValidator validator, PhoneLinesSync sync, TimeProvider time, ILogger<CreatePhoneLine> logger)
{
    public async Task<LineEditResult> ExecuteAsync(PhoneLineRequest request, Guid? by, CancellationToken cancellationToken)
    {
        var errors = validator.Validate(request, null, out var valid);
        if (errors.Count > 0)
        {
            return new LineEditResult(LineEditOutcome.Invalid, Errors: errors);
        }

        if (await db.Lines.AnyAsync(l => l.Number == valid.Number, cancellationToken))
        {
            return new LineEditResult(LineEditOutcome.Duplicate);
        }

        var line = new VoiceLine { Number = valid.Number, Name = valid.Name };
        Apply(line, valid, time.GetUtcNow().UtcDateTime);
        db.Lines.Add(line);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The unique index: another administrator added the same number at the same moment.
            return new LineEditResult(LineEditOutcome.Duplicate);
        }

        Log.Created(logger, line.Number, by);
        await sync.ChangedAsync(cancellationToken);
        return new LineEditResult(LineEditOutcome.Saved, line);
    }

    internal static void Apply(VoiceLine line, PhoneLineValidator.ValidLine valid, DateTime now)
    {
        line.Name = valid.Name;
        line.Enabled = valid.Enabled;
        line.Greeting = valid.Greeting;
        line.ServiceEndsOn = valid.ServiceEndsOn;
        line.MaxQueueLength = valid.MaxQueueLength;
        line.MaxWaitSeconds = valid.MaxWaitSeconds;
        line.Languages = valid.Languages;
        line.EmergencyForwardTo = valid.EmergencyForwardTo;
        line.UpdatedAtUtc = now;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 5410, Level = LogLevel.Information, Message = "Phone line {LineNumber} added by staff {StaffId}")]
        public static partial void Created(ILogger logger, string lineNumber, Guid? staffId);
    }
}
