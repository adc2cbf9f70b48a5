using System.Text.Json;

namespace ConversationHub.Handoff.Programs.Disposal;

/// <summary>
/// The evidence of one program's data disposal (廃棄記録) that the city keeps: what was disposed of, how many rows of
/// each kind, when, by whom or by the schedule, and the database's state afterwards. One per program: the unique key
/// makes the disposal start once across nodes. Holds no personal data, so it outlives the program's data.
/// </summary>
internal sealed class ProgramDisposalRecord
{
    // For EF Core.
    private ProgramDisposalRecord()
    {
        ProgramCode = "";
        ProgramName = "";
        Trigger = "";
        DisposedJson = "{}";
        RemainingJson = "{}";
        DatabaseState = "";
    }

    public ProgramDisposalRecord(ProgramDefinition program, string trigger, Guid? byStaffId, string? byName, DateTime nowUtc)
        : this()
    {
        ArgumentNullException.ThrowIfNull(program);
        Id = Guid.CreateVersion7();
        ProgramId = program.Id;
        ProgramCode = program.Code;
        ProgramName = program.Name;
        DisposalOn = program.DisposalOn;
        Trigger = trigger;
        ByStaffId = byStaffId;
        ByName = byName;
        StartedAtUtc = nowUtc;
    }

    public Guid Id { get; private set; }

    public Guid ProgramId { get; private set; }

    public string ProgramCode { get; private set; }

    public string ProgramName { get; private set; }

    /// <summary>The disposal date the program had when it was disposed of.</summary>
    public DateOnly DisposalOn { get; private set; }

    /// <summary><see cref="ProgramDisposalTriggers"/>: the schedule or an administrator.</summary>
    public string Trigger { get; private set; }

    public Guid? ByStaffId { get; private set; }

    /// <summary>The administrator's sign-in id, or null for the schedule.</summary>
    public string? ByName { get; private set; }

    public DateTime StartedAtUtc { get; private set; }

    /// <summary>When every part was done and the database compacted; null while under way (a crashed run is resumed).</summary>
    public DateTime? FinishedAtUtc { get; set; }

    /// <summary>Rows disposed of per kind, as a JSON object (kind → count), summed over resumed runs.</summary>
    public string DisposedJson { get; set; }

    /// <summary>Rows of personal data left per kind after the run, as a JSON object; all 0 when complete.</summary>
    public string RemainingJson { get; set; }

    /// <summary>What was done to the database's storage afterwards and what it reported (see <see cref="DatabaseCompaction"/>).</summary>
    public string DatabaseState { get; set; }

    /// <summary>Rows disposed of per kind (<see cref="DisposedJson"/>).</summary>
    public Dictionary<string, long> DisposedCounts() => Counts(DisposedJson);

    /// <summary>Rows left per kind (<see cref="RemainingJson"/>).</summary>
    public Dictionary<string, long> RemainingCounts() => Counts(RemainingJson);

    /// <summary>Every kind the record names, in order.</summary>
    public IEnumerable<string> Kinds() => DisposedCounts().Keys.Union(RemainingCounts().Keys).Order(StringComparer.Ordinal);

    /// <summary>Keeps the counts of a run.</summary>
    public void SetCounts(IReadOnlyDictionary<string, long> disposed, IReadOnlyDictionary<string, long> remaining)
    {
        DisposedJson = JsonSerializer.Serialize(disposed);
        RemainingJson = JsonSerializer.Serialize(remaining);
    }

    private static Dictionary<string, long> Counts(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, long>>(json) ?? [];
}
