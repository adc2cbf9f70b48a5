using ConversationHub.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ConversationHub.Core.Operations;

/// <summary>
/// The platform's availability over a period, from the nodes' own heartbeats: a moment counts as up when at least one
/// node was running then. A run counts from its start to its last heartbeat plus one interval (the beat may have come
/// just before the next one was due), never past its clean stop. Time before the first recorded run is not measured
/// rather than counted as down: a platform installed mid-month is not 50% available.
/// </summary>
public sealed class UptimeQuery(HubDbContext db, IOptions<UptimeOptions> options, TimeProvider time)
{
    /// <summary>Availability from <paramref name="fromUtc"/> to <paramref name="toUtc"/> (clipped to now).</summary>
    public async Task<Availability> AvailabilityAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var end = toUtc < now ? toUtc : now;
        var grace = options.Value.HeartbeatInterval;
        var earliest = fromUtc - grace;
        var runs = await db.NodeUptime.AsNoTracking()
            .Where(u => u.StartedAtUtc < end && u.LastSeenAtUtc >= earliest)
            .Select(u => new { u.StartedAtUtc, u.LastSeenAtUtc, u.StoppedAtUtc })
            .ToListAsync(cancellationToken);
        var firstEver = await db.NodeUptime.MinAsync(u => (DateTime?)u.StartedAtUtc, cancellationToken);
        var start = firstEver is { } first && first > fromUtc ? first : fromUtc;
        if (firstEver is null || start >= end)
            return new Availability(fromUtc, end, TimeSpan.Zero, TimeSpan.Zero);

        var intervals = runs
            .Select(r => (From: r.StartedAtUtc, To: r.StoppedAtUtc ?? Min(r.LastSeenAtUtc + grace, now)))
            .Select(r => (From: r.From < start ? start : r.From, To: r.To > end ? end : r.To))
            .Where(r => r.To > r.From)
            .OrderBy(r => r.From);
        var up = TimeSpan.Zero;
        DateTime? openFrom = null, openTo = null;
        foreach (var (from, to) in intervals)
        {
            if (openTo is { } current && from <= current)
            {
                openTo = to > current ? to : current;
                continue;
            }

            if (openFrom is { } f && openTo is { } t)
                up += t - f;
            (openFrom, openTo) = (from, to);
        }

        if (openFrom is { } lastFrom && openTo is { } lastTo)
            up += lastTo - lastFrom;
        return new Availability(start, end, end - start, up);
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}

/// <summary>How long the platform was measured over a period and how long it was up.</summary>
public sealed record Availability(DateTime MeasuredFromUtc, DateTime MeasuredToUtc, TimeSpan Measured, TimeSpan Up)
{
    /// <summary>The share of the measured time that was up (0–1), or null when nothing was measured.</summary>
    public double? Ratio => Measured > TimeSpan.Zero ? Up / Measured : null;
}
