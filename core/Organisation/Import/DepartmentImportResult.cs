namespace ConversationHub.Core.Organisation.Import;

/// <summary>The outcome of one organisation CSV import or dry run.</summary>
public sealed record DepartmentImportResult
{
    /// <summary>Whether this was an import or a dry run.</summary>
    public required DepartmentImportMode Mode { get; init; }

    /// <summary>The encoding the file was decoded with.</summary>
    public required DepartmentCsvEncoding Encoding { get; init; }

    /// <summary>True when the changes were committed; false for a dry run and for any file with errors.</summary>
    public required bool Applied { get; init; }

    /// <summary>Data rows read from the file (header and blank lines excluded).</summary>
    public required int Rows { get; init; }

    /// <summary>Departments inserted (for a dry run: that would be inserted). Zero when the file has errors.</summary>
    public required int Created { get; init; }

    /// <summary>Existing departments whose values changed (for a dry run: would change). Zero when the file has errors.</summary>
    public required int Updated { get; init; }

    /// <summary>Rows identical to the department already stored; these are not written. Zero when the file has errors.</summary>
    public required int Unchanged { get; init; }

    /// <summary>Departments in the database that the file does not mention; they are left as they are. Zero when the file has errors.</summary>
    public required int NotInFile { get; init; }

    /// <summary>Number of <see cref="Errors"/>; zero means the file is valid.</summary>
    public int ErrorCount => Errors.Count;

    /// <summary>Every problem found, in file order; empty when the file is valid. Any error means nothing was written.</summary>
    public required IReadOnlyList<DepartmentImportError> Errors { get; init; }
}
