namespace ConversationHub.Handoff.Reports;

/// <summary>
/// A report made by the schedule and kept (<c>generated_reports</c>), as the whole center sees it, in both export
/// formats. The row is claimed before the report is built, and (kind, period) is unique, so of several nodes only the
/// one whose insert succeeds makes it; a claim that failed keeps no bytes and is listed as not made.
/// </summary>
internal sealed class GeneratedReport
{
    // For EF Core.
    private GeneratedReport()
    {
        Kind = "";
        Period = "";
    }

    public GeneratedReport(string kind, string period, DateOnly from, DateOnly to, DateTime claimedAtUtc)
    {
        Kind = kind;
        Period = period;
        FromDay = from;
        ToDay = to;
        ClaimedAtUtc = claimedAtUtc;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    /// <summary>A <see cref="ReportKinds"/> name.</summary>
    public string Kind { get; private set; }

    /// <summary>The period's key (<see cref="ReportPeriod.Key"/>).</summary>
    public string Period { get; private set; }

    /// <summary>The first day covered (Japan time).</summary>
    public DateOnly FromDay { get; private set; }

    /// <summary>The last day covered (Japan time).</summary>
    public DateOnly ToDay { get; private set; }

    /// <summary>When a node claimed it.</summary>
    public DateTime ClaimedAtUtc { get; private set; }

    /// <summary>When it was made; null while being made or after a failure.</summary>
    public DateTime? GeneratedAtUtc { get; private set; }

    /// <summary>The CSV (UTF-8 with a byte-order mark).</summary>
    public byte[]? Csv { get; private set; }

    /// <summary>The .xlsx workbook.</summary>
    public byte[]? Xlsx { get; private set; }

    /// <summary>Stores the made report.</summary>
    public void Complete(byte[] csv, byte[] xlsx, DateTime generatedAtUtc) => (Csv, Xlsx, GeneratedAtUtc) = (csv, xlsx, generatedAtUtc);
}
