namespace ConversationHub.Handoff.Programs.Forms;

/// <summary>
/// One saved version of a program form (<c>program_form_versions</c>): every save adds a row, the highest
/// <see cref="Number"/> of a form is current, and (form, number) is the key, so two administrators saving at once
/// cannot both make the same version. The fields, duplicate keys and CSV layout are JSON (<see cref="FormDefinition"/>).
/// </summary>
internal sealed class ProgramFormVersion
{
    public ProgramFormVersion(Guid formId, int number, Guid programId, string name, bool publicAllowed, string definitionJson, DateTime createdAtUtc, Guid? createdBy)
    {
        FormId = formId;
        Number = number;
        ProgramId = programId;
        Name = name;
        PublicAllowed = publicAllowed;
        DefinitionJson = definitionJson;
        CreatedAtUtc = createdAtUtc;
        CreatedBy = createdBy;
    }

    public Guid FormId { get; private set; }

    public int Number { get; private set; }

    public Guid ProgramId { get; private set; }

    public string Name { get; private set; }

    public bool PublicAllowed { get; private set; }

    public string DefinitionJson { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public Guid? CreatedBy { get; private set; }
}
