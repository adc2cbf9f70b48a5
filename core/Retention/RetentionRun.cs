using ConversationHub.Core.Calendar;

namespace ConversationHub.Core.Retention;

/// <summary>
/// One kind's retention run on one day. The row is inserted before the work starts, and (kind, day) is unique, so of
/// several nodes only the one whose insert succeeds runs that kind that day; a run that failed keeps no finish time
/// and the kind runs again the next day.
/// </summary>
public sealed class RetentionRun
{
    // For EF Core.
    private RetentionRun()
    {
        Kind = "";
    }

    /// <summary>Claims <paramref name="kind"/>'s run of the Japan day that starts at <paramref name="dayStartUtc"/>.</summary>
    public RetentionRun(string kind, DateTime dayStartUtc, DateTime cutoffUtc, DateTime startedAtUtc)
    {
        Kind = kind;
        DayStartUtc = dayStartUtc;
        CutoffUtc = cutoffUtc;
        StartedAtUtc = startedAtUtc;
    }

    /// <summary>The row id.</summary>
    public long Id { get; private set; }

    /// <summary>A <see cref="RetentionKinds"/> name.</summary>
    public string Kind { get; private set; }

    /// <summary>
    /// The start of the run's day in Japan (0:00 JST, stored as its UTC instant, 15:00 the day before): the city's day,
    /// so the run of a day begins at the city's midnight, not at 9:00 in the morning.
    /// </summary>
    public DateTime DayStartUtc { get; private set; }

    /// <summary>The Japan day that starts at <paramref name="instantUtc"/>'s Japan midnight, as its UTC instant.</summary>
    public static DateTime DayStartOf(DateTimeOffset instantUtc) =>
        JapanTime.At(DateOnly.FromDateTime(JapanTime.ToJapan(instantUtc).DateTime), TimeOnly.MinValue).UtcDateTime;

    /// <summary>Data older than this was expired.</summary>
    public DateTime CutoffUtc { get; private set; }

    /// <summary>Rows deleted or anonymised.</summary>
    public long RowsAffected { get; private set; }

    /// <summary>When the run started.</summary>
    public DateTime StartedAtUtc { get; private set; }

    /// <summary>When it finished; null while running or after a failure.</summary>
    public DateTime? FinishedAtUtc { get; private set; }

    /// <summary>Records the finished run.</summary>
    public void Finish(long rowsAffected, DateTime finishedAtUtc)
    {
        RowsAffected = rowsAffected;
        FinishedAtUtc = finishedAtUtc;
    }
}
