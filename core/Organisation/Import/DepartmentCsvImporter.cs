using ConversationHub.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ConversationHub.Core.Organisation.Import;

/// <summary>
/// Imports the city's organisation list (組織一覧) from CSV into <see cref="Department"/>s: upsert by
/// <see cref="Department.Code"/>, all or nothing. Used by the admin API and the host's command line.
/// </summary>
public sealed partial class DepartmentCsvImporter
{
    private readonly HubDbContext _db;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<DepartmentCsvImporter> _logger;

    /// <summary>Creates the importer on the request's (or command's) context.</summary>
    public DepartmentCsvImporter(HubDbContext db, TimeProvider timeProvider, ILogger<DepartmentCsvImporter> logger)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _db = db;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>
    /// Reads <paramref name="csv"/> to the end, validates every row against the file and the stored departments, and
    /// in <see cref="DepartmentImportMode.Apply"/> mode writes them in one transaction when there is no error.
    /// </summary>
    /// <remarks>
    /// The file is UTF-8 (with or without BOM) or Shift_JIS (CP932) with a header row in Japanese or English. Rows are
    /// inserted or updated by code; stored departments the file does not list are left unchanged. An optional column
    /// (parent, e-mail, extension, active) that is absent from the header leaves that value of existing departments
    /// unchanged, while an empty cell clears it (parent, e-mail, extension) or means active.
    /// Invalid input is reported in <see cref="DepartmentImportResult.Errors"/>, never thrown; in that case nothing is written.
    /// An apply runs as its own unit of work on the context: entities the caller had tracked on it are detached first.
    /// </remarks>
    /// <param name="csv">The file's bytes; read to the end, not disposed.</param>
    /// <param name="mode">Apply the changes, or only validate them.</param>
    /// <param name="cancellationToken">Cancels reading and the database work; a cancelled import writes nothing.</param>
    public async Task<DepartmentImportResult> ImportAsync(Stream csv, DepartmentImportMode mode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(csv);
        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown import mode.");
        }

        byte[] bytes;
        using (var buffer = new MemoryStream())
        {
            await csv.CopyToAsync(buffer, cancellationToken);
            bytes = buffer.ToArray();
        }

        var result = await ImportBytesAsync(bytes, mode, cancellationToken);

        if (result.Errors.Count > 0)
        {
            Log.ImportRejected(_logger, mode, result.Rows, result.Errors.Count);
        }
        else
        {
            Log.ImportCompleted(_logger, mode, result.Encoding, result.Created, result.Updated, result.Unchanged, result.NotInFile);
        }

        return result;
    }

    private async Task<DepartmentImportResult> ImportBytesAsync(byte[] bytes, DepartmentImportMode mode, CancellationToken cancellationToken)
    {
        var (text, encoding) = DepartmentCsvDecoder.Decode(bytes, out var decodeError);
        if (decodeError is not null)
        {
            return Rejected(mode, encoding, 0, [decodeError]);
        }

        var document = DepartmentCsvParser.Parse(text);
        if (document.Errors.Any(e => e.Line is null or 1))
        {
            // Without a usable header the rows cannot be read, so there is nothing more to check.
            return Rejected(mode, encoding, document.Rows.Count, document.Errors);
        }

        return mode == DepartmentImportMode.DryRun
            ? await DryRunAsync(document, encoding, cancellationToken)
            : await ApplyAsync(document, encoding, cancellationToken);
    }

    private async Task<DepartmentImportResult> DryRunAsync(DepartmentCsvDocument document, DepartmentCsvEncoding encoding, CancellationToken cancellationToken)
    {
        var existing = await _db.Departments.AsNoTracking().ToListAsync(cancellationToken);
        return Reconcile(document, encoding, existing, DepartmentImportMode.DryRun);
    }

    private async Task<DepartmentImportResult> ApplyAsync(DepartmentCsvDocument document, DepartmentCsvEncoding encoding, CancellationToken cancellationToken)
    {
        // A retrying strategy (if one is configured) replays the whole unit: read, validate, write, commit.
        var strategy = _db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(
            async ct =>
            {
                _db.ChangeTracker.Clear();
                await using var transaction = await _db.Database.BeginTransactionAsync(ct);
                await LockDepartmentsAsync(ct);

                // Validation reads the stored hierarchy inside the transaction, so it checks what will be written against.
                var existing = await _db.Departments.ToListAsync(ct);
                var result = Reconcile(document, encoding, existing, DepartmentImportMode.Apply);
                if (result.Errors.Count > 0)
                {
                    // Disposing the transaction rolls it back; nothing was saved anyway.
                    _db.ChangeTracker.Clear();
                    return result;
                }

                await _db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                _db.ChangeTracker.Clear();
                return result;
            },
            cancellationToken);
    }

    // PostgreSQL: a SHARE ROW EXCLUSIVE lock conflicts with itself and with every writer, so two imports (or an import
    // and an edit) cannot interleave between this transaction's read and its write. Readers are not blocked.
    // SQLite has one writer per database file: a concurrent writer makes one of the two transactions fail with
    // SQLITE_BUSY instead of interleaving.
    private async Task LockDepartmentsAsync(CancellationToken cancellationToken)
    {
        if (_db.Database.IsNpgsql())
        {
            await _db.Database.ExecuteSqlRawAsync("LOCK TABLE departments IN SHARE ROW EXCLUSIVE MODE", cancellationToken);
        }
    }

    /// <summary>Validates the rows and works out what changes; in apply mode, makes those changes on the tracked entities.</summary>
    private DepartmentImportResult Reconcile(
        DepartmentCsvDocument document,
        DepartmentCsvEncoding encoding,
        List<Department> existing,
        DepartmentImportMode mode)
    {
        var byCode = existing.ToDictionary(d => d.Code, StringComparer.Ordinal);
        var stored = byCode.Keys.ToHashSet(StringComparer.Ordinal);
        var codeById = existing.ToDictionary(d => d.Id, d => d.Code);
        string? ParentCodeOf(Department department) =>
            department.ParentId is { } parentId && codeById.TryGetValue(parentId, out var code) ? code : null;

        var errors = new List<DepartmentImportError>(document.Errors);
        var rows = DepartmentRowValidator.Validate(
            document.Rows,
            existing.ToDictionary(d => d.Code, ParentCodeOf, StringComparer.Ordinal),
            errors);
        if (errors.Count > 0)
        {
            return Rejected(mode, encoding, document.Rows.Count, errors);
        }

        var apply = mode == DepartmentImportMode.Apply;
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        int created = 0, updated = 0, unchanged = 0;

        // New departments first, so that every parent code resolves to an id whatever the order of the rows.
        foreach (var row in rows.Where(r => !byCode.ContainsKey(r.Code)))
        {
            created++;
            if (apply)
            {
                var department = new Department(row.Code, row.Name, row.Kana) { UpdatedAtUtc = now };
                byCode.Add(row.Code, department);
                _db.Departments.Add(department);
            }
        }

        foreach (var row in rows)
        {
            var isNew = !stored.Contains(row.Code);
            if (isNew && !apply)
            {
                continue;
            }

            var department = byCode[row.Code];
            var changed = false;

            void Set<T>(T current, T wanted, Action<Department, T> assign)
            {
                if (!EqualityComparer<T>.Default.Equals(current, wanted))
                {
                    changed = true;
                    if (apply)
                    {
                        assign(department, wanted);
                    }
                }
            }

            // Compared by code, not id: in a dry run a new parent has no id.
            Set(department.Name, row.Name, (d, v) => d.Name = v);
            Set(department.Kana, row.Kana, (d, v) => d.Kana = v);
            if (document.Has(DepartmentCsvColumn.ParentCode))
            {
                Set(ParentCodeOf(department), row.ParentCode, (d, v) => d.ParentId = v is null ? null : byCode[v].Id);
            }

            if (document.Has(DepartmentCsvColumn.Email))
            {
                Set(department.Email, row.Email, (d, v) => d.Email = v);
            }

            if (document.Has(DepartmentCsvColumn.Extension))
            {
                Set(department.Extension, row.Extension, (d, v) => d.Extension = v);
            }

            if (document.Has(DepartmentCsvColumn.Active))
            {
                Set(department.IsActive, row.IsActive, (d, v) => d.IsActive = v);
            }

            if (isNew)
            {
                continue;
            }

            if (changed)
            {
                updated++;
                if (apply)
                {
                    department.UpdatedAtUtc = now;
                }
            }
            else
            {
                unchanged++;
            }
        }

        var inFile = rows.Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
        return new DepartmentImportResult
        {
            Mode = mode,
            Encoding = encoding,
            Applied = apply,
            Rows = rows.Count,
            Created = created,
            Updated = updated,
            Unchanged = unchanged,
            NotInFile = existing.Count(d => !inFile.Contains(d.Code)),
            Errors = [],
        };
    }

    private static DepartmentImportResult Rejected(
        DepartmentImportMode mode, DepartmentCsvEncoding encoding, int rows, IReadOnlyList<DepartmentImportError> errors) => new()
    {
        Mode = mode,
        Encoding = encoding,
        Applied = false,
        Rows = rows,
        Created = 0,
        Updated = 0,
        Unchanged = 0,
        NotInFile = 0,
        Errors = errors,
    };

    private static partial class Log
    {
        [LoggerMessage(EventId = 1300, Level = LogLevel.Information,
            Message = "Department import ({Mode}, {Encoding}): {Created} created, {Updated} updated, {Unchanged} unchanged, {NotInFile} not in file")]
        public static partial void ImportCompleted(
            ILogger logger, DepartmentImportMode mode, DepartmentCsvEncoding encoding, int created, int updated, int unchanged, int notInFile);

        [LoggerMessage(EventId = 1301, Level = LogLevel.Information,
            Message = "Department import ({Mode}) rejected: {ErrorCount} errors in {Rows} rows; nothing written")]
        public static partial void ImportRejected(ILogger logger, DepartmentImportMode mode, int rows, int errorCount);
    }
}
