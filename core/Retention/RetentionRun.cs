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

    /// <summary>Claims <paramref name="kind"/>'s run of <paramref name="dayUtc"/>.</summary>
    public RetentionRun(string kind, DateTime dayUtc, DateTime cutoffUtc, DateTime startedAtUtc)
    {
        Kind = kind;
        DayUtc = dayUtc;
        CutoffUtc = cutoffUtc;
        StartedAtUtc = startedAtUtc;
    }

    /// <summary>The row id.</summary>
    public long Id { get; private set; }

    /// <summary>A <see cref="RetentionKinds"/> name.</summary>
    public string Kind { get; private set; }

    /// <summary>The UTC day of the run (midnight).</summary>
    public DateTime DayUtc { get; private set; }

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
