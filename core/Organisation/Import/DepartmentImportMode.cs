using System.Text.Json.Serialization;

namespace ConversationHub.Core.Organisation.Import;

/// <summary>What <see cref="DepartmentCsvImporter.ImportAsync"/> does with a valid file.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DepartmentImportMode>))]
public enum DepartmentImportMode
{
    /// <summary>Validates the file and, when every row is valid, writes it in one transaction.</summary>
    Apply,

    /// <summary>Validates the file against the database and reports what would change; writes nothing.</summary>
    DryRun,
}
