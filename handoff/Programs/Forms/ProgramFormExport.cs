namespace ConversationHub.Handoff.Programs.Forms;

/// <summary>
/// A form's daily CSV for the city's own system (<c>program_form_exports</c>): one per form and Japan day, claimed
/// before it is made ((form, day) is unique, so of several nodes only one makes it). The file holds personal data, so
/// it is stored encrypted (<see cref="Csv"/> is the file's bytes in Base64 under the context's protector).
/// </summary>
internal sealed class ProgramFormExport
{
    // For EF Core.
    private ProgramFormExport()
    {
    }

    public ProgramFormExport(Guid formId, Guid programId, DateOnly day, DateTime claimedAtUtc)
    {
        FormId = formId;
        ProgramId = programId;
        Day = day;
        ClaimedAtUtc = claimedAtUtc;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid FormId { get; private set; }

    public Guid ProgramId { get; private set; }

    public DateOnly Day { get; private set; }

    public DateTime ClaimedAtUtc { get; private set; }

    public DateTime? GeneratedAtUtc { get; private set; }

    public int Rows { get; private set; }

    /// <summary>The CSV bytes in Base64; encrypted at rest; null until made.</summary>
    public string? Csv { get; private set; }

    public void Complete(byte[] csv, int rows, DateTime generatedAtUtc) => (Csv, Rows, GeneratedAtUtc) = (Convert.ToBase64String(csv), rows, generatedAtUtc);
}
