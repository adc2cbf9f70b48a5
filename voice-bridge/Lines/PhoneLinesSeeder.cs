using System.Globalization;
using ConversationHub.Core.Persistence;
using ConversationHub.VoiceBridge.Calls;
using ConversationHub.VoiceBridge.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ConversationHub.VoiceBridge.Lines;

/// <summary>
/// Seeds the phone lines once, while the table is empty: the lines of configuration (<c>Voice:Lines:&lt;n&gt;:Number</c>,
/// <c>Name</c>, <c>ServiceEndsOn</c>, <c>MaxQueueLength</c>, <c>MaxWait</c>, <c>EmergencyForwardTo</c>, <c>Languages</c>)
/// or, when none, the demo line. From then on administrators edit the table; configuration is never read again, so an
/// edit is never overwritten by a restart.
/// </summary>
internal sealed partial class PhoneLinesSeeder(IConfiguration configuration, TimeProvider time, ILogger<PhoneLinesSeeder> logger) : IStartupSeeder
{
    public int Order => 60;

    public async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VoiceDbContext>();
        if (await db.Lines.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var lines = Configured(now);
        if (lines.Count == 0)
        {
            lines.Add(new VoiceLine { Number = PhoneLines.DemoNumber, Name = "代表（デモ）", UpdatedAtUtc = now });
        }

        db.Lines.AddRange(lines);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            Log.Seeded(logger, lines.Count);
        }
        catch (DbUpdateException)
        {
            // Another node seeded at the same moment; its lines stand.
        }
    }

    private List<VoiceLine> Configured(DateTime now)
    {
        var lines = new List<VoiceLine>();
        foreach (var section in configuration.GetSection("Voice:Lines").GetChildren())
        {
            if (PhoneNumbers.TryNormalize(section["Number"], out var number) != PhoneNumbers.Problem.None
                || lines.Any(l => l.Number == number))
            {
                Log.SkippedSetting(logger, section.Path);
                continue;
            }

            var line = new VoiceLine { Number = number, Name = section["Name"] is { Length: > 0 } name ? name : number, UpdatedAtUtc = now };
            if (DateOnly.TryParse(section["ServiceEndsOn"], CultureInfo.InvariantCulture, out var ends))
            {
                line.ServiceEndsOn = ends;
            }

            if (int.TryParse(section["MaxQueueLength"], CultureInfo.InvariantCulture, out var max))
            {
                line.MaxQueueLength = max;
            }

            if (TimeSpan.TryParse(section["MaxWait"], CultureInfo.InvariantCulture, out var wait))
            {
                line.MaxWaitSeconds = (int)wait.TotalSeconds;
            }

            if (section["Languages"] is { Length: > 0 } languages)
            {
                line.Languages = languages;
            }

            if (PhoneNumbers.TryNormalize(section["EmergencyForwardTo"], out var forward) == PhoneNumbers.Problem.None)
            {
                // The setting meant "forward now"; the seed keeps that meaning (switched by configuration: no account).
                line.EmergencyForwardTo = forward;
                line.EmergencyOn = true;
                line.EmergencySwitchedAtUtc = now;
            }

            lines.Add(line);
        }

        return lines;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 5401, Level = LogLevel.Information, Message = "Seeded {Count} phone lines (configuration or the demo line); administrators edit them from now on")]
        public static partial void Seeded(ILogger logger, int count);

        [LoggerMessage(EventId = 5402, Level = LogLevel.Warning, Message = "Skipped the phone line setting {Setting}: its Number is missing, not E.164 or repeated")]
        public static partial void SkippedSetting(ILogger logger, string setting);
    }
}
