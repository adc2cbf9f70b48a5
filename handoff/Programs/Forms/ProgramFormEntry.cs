namespace ConversationHub.Handoff.Programs.Forms;

/// <summary>
/// One form entry (<c>program_form_entries</c>), taken by an agent beside a chat or call or sent by a citizen on the
/// public form. It keeps the form version it was taken on and always renders with it. The answers are personal data:
/// one encrypted JSON object (<see cref="ValuesJson"/>); <see cref="DuplicateHash"/> is a keyed hash of the form's
/// duplicate-key values, so duplicates are found without clear text.
/// </summary>
internal sealed class ProgramFormEntry
{
    public const string AgentSource = "agent";
    public const string PublicSource = "public";

    // For EF Core.
    private ProgramFormEntry()
    {
        Source = AgentSource;
        ValuesJson = "{}";
    }

    public ProgramFormEntry(FormDefinition form, string source, string valuesJson, string? duplicateHash, Guid? conversationId, Guid? caseId, Guid? takenBy, DateTime takenAtUtc, DateOnly takenOn)
        : this()
    {
        ArgumentNullException.ThrowIfNull(form);
        FormId = form.FormId;
        FormVersion = form.Version;
        ProgramId = form.ProgramId;
        Source = source;
        ValuesJson = valuesJson;
        DuplicateHash = duplicateHash;
        ConversationId = conversationId;
        CaseId = caseId;
        TakenBy = takenBy;
        TakenAtUtc = takenAtUtc;
        TakenOn = takenOn;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid FormId { get; private set; }

    public int FormVersion { get; private set; }

    public Guid ProgramId { get; private set; }

    /// <summary><see cref="AgentSource"/> or <see cref="PublicSource"/>.</summary>
    public string Source { get; private set; }

    /// <summary>The answers by field key, as JSON; encrypted at rest.</summary>
    public string ValuesJson { get; set; }

    /// <summary>Keyed hash of the duplicate-key values; null when the form has no duplicate keys or they were blank.</summary>
    public string? DuplicateHash { get; set; }

    public Guid? ConversationId { get; private set; }

    public Guid? CaseId { get; private set; }

    public Guid? TakenBy { get; private set; }

    public DateTime TakenAtUtc { get; private set; }

    /// <summary>The Japan day it was taken (the daily export's day).</summary>
    public DateOnly TakenOn { get; private set; }
}
