using System.Globalization;
using System.Text.Json;
using ConversationHub.Core.Persistence;
using ConversationHub.Core.Security;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Handoff.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Handoff.Programs.Rosters;

/// <summary>
/// Imports a new version of a program's roster. All or nothing: every row is checked first and a single bad row refuses
/// the file. The households are encrypted in parallel and bulk-written under a new import id that no look-up reads;
/// then one transaction makes it the program's roster, hands each household's statuses and history over from the
/// previous version (same head, same date of birth, same postal code) and deletes the previous version's rows.
/// </summary>
internal sealed class ImportRoster(HandoffDbContext db, IStringLocalizer<RosterStrings> strings, TimeProvider time)
{
    private static readonly string[] HouseholdColumns =
        ["Id", "ImportId", "ProgramId", "RowNumber", "HeadHash", "NumberHash", "HouseholdNumber", "PostalCode", "Address", "Members"];

    private static readonly string[] KeyColumns = ["ImportId", "Hash", "HouseholdId"];

    private const int ImportCacheKiB = 256 * 1024;
    private const int DefaultCacheKiB = 2000;

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public async Task<RosterImportOutcome> ImportAsync(ProgramDefinition program, byte[] data, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(data);
        var settings = await db.RosterSettings.FirstOrDefaultAsync(s => s.ProgramId == program.Id, cancellationToken);
        if (settings?.Layout is not { } layout)
            return RosterImportOutcome.Refused([strings["Import_NoLayout"]], 1);
        if (data.Length > RosterFileText.MaxBytes)
            return RosterImportOutcome.Refused([strings["File_TooLarge"]], 1);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var file = RosterFileReader.Read(data, layout, strings);
        if (file.ErrorCount > 0)
            return RosterImportOutcome.Refused(file.Errors, file.ErrorCount);
        var phases = new RosterImportPhases { Read = watch.Elapsed };

        var import = new RosterImport(program.Id, RosterImportKind.Roster, file.Households.Count, actor, time.GetUtcNow().UtcDateTime);
        db.RosterImports.Add(import);
        await db.SaveChangesAsync(cancellationToken);
        try
        {
            watch.Restart();
            var (households, keys) = Encrypt(program.Id, import.Id, file.Households, db.Pii);
            phases.Encrypt = watch.Elapsed;
            watch.Restart();
            // Opened through EF Core, so the connection gets the provider's settings (SQLite's pragmas) before the bulk load.
            await db.Database.OpenConnectionAsync(cancellationToken);
            await SetSqliteCacheAsync(ImportCacheKiB, cancellationToken);
            var bulk = new BulkInserter(db.Database.GetDbConnection());
            await bulk.InsertAsync(RosterModel.HouseholdsTable, HouseholdColumns, households, cancellationToken);
            await bulk.InsertAsync(RosterModel.KeysTable, KeyColumns, keys, cancellationToken);
            phases.Write = watch.Elapsed;
            watch.Restart();
            await SwitchAsync(settings, import, cancellationToken);
            phases.Switch = watch.Elapsed;
        }
        catch
        {
            await RemoveAsync(import.Id);
            throw;
        }
        finally
        {
            await SetSqliteCacheAsync(DefaultCacheKiB, CancellationToken.None);
        }

        return RosterImportOutcome.Imported(import.Id, file.Households.Count, file.Households.Sum(h => h.Members.Count)) with { Phases = phases };
    }

    // PERF: AES-GCM and HMAC of 100,000 households (about 250,000 members) take seconds on one core; rows are independent.
    private static (object?[][] Households, object?[][] Keys) Encrypt(Guid programId, Guid importId, List<ParsedHousehold> parsed, IPiiProtector pii)
    {
        var households = new object?[parsed.Count][];
        var keys = new object?[parsed.Count][][];
        Parallel.For(0, parsed.Count, i =>
        {
            var household = parsed[i];
            var id = Guid.CreateVersion7();
            var hashes = household.Members.Select(m => RosterKeys.Member(pii, programId, m.Name, m.BirthDate, household.PostalCode)).ToArray();
            households[i] =
            [
                id, importId, programId, household.Row, hashes[0],
                household.Number is { } number ? RosterKeys.Number(pii, programId, number) : null,
                household.Number is { } clear ? pii.Protect(clear, RosterModel.HouseholdsTable + ".HouseholdNumber") : null,
                pii.Protect(household.PostalCode, RosterModel.HouseholdsTable + ".PostalCode"),
                pii.Protect(household.Address, RosterModel.HouseholdsTable + ".Address"),
                pii.Protect(JsonSerializer.Serialize(household.Members, Json), RosterModel.HouseholdsTable + ".Members"),
            ];
            // Two members with one name and date of birth (a data error in the city's file) would repeat a key.
            keys[i] = [.. hashes.Distinct(StringComparer.Ordinal).Select(h => new object?[] { importId, h, id })];
        });
        // PERF: keys in hash order fill the look-up index from its end instead of at random places across it.
        return (households, [.. keys.SelectMany(k => k).OrderBy(k => (string)k[1]!, StringComparer.Ordinal)]);
    }

    private async Task SwitchAsync(RosterSettings settings, RosterImport import, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (settings.ActiveImportId is { } previous)
        {
            await RosterTakeOver.MoveAsync(db, previous, import.Id, cancellationToken);
            await db.RosterKeys.Where(k => k.ImportId == previous).ExecuteDeleteAsync(cancellationToken);
            await db.RosterHouseholds.Where(h => h.ImportId == previous).ExecuteDeleteAsync(cancellationToken);
            await db.RosterImports.Where(i => i.Id == previous).ExecuteUpdateAsync(s => s.SetProperty(i => i.State, RosterImportState.Replaced), cancellationToken);
        }

        settings.ActiveImportId = import.Id;
        settings.ChangedAtUtc = import.ImportedAtUtc;
        settings.Version++;
        import.State = RosterImportState.Active;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    // PERF: SQLite's default page cache (2 MB) is far smaller than a roster's indexes, whose hashes arrive in random order:
    // each insert (and each delete of the replaced version) then reads index pages back from the OS. This connection gets a
    // larger cache for the import only, and SQLite's default back before it returns to the pool.
    private async Task SetSqliteCacheAsync(int kibibytes, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync(string.Create(CultureInfo.InvariantCulture, $"PRAGMA cache_size = -{kibibytes}"), cancellationToken);
    }

    // The rows of a failed import are invisible (their import never became active); remove them even if the caller gave up.
    private async Task RemoveAsync(Guid importId)
    {
        db.ChangeTracker.Clear();
        await db.RosterKeys.Where(k => k.ImportId == importId).ExecuteDeleteAsync(CancellationToken.None);
        await db.RosterHouseholds.Where(h => h.ImportId == importId).ExecuteDeleteAsync(CancellationToken.None);
        await db.RosterImports.Where(i => i.Id == importId).ExecuteUpdateAsync(s => s.SetProperty(i => i.State, RosterImportState.Failed), CancellationToken.None);
    }
}

/// <summary>What an import did: imported (with counts) or refused (with the first errors and how many there were).</summary>
internal sealed record RosterImportOutcome(bool Done, Guid? ImportId, int Households, int Members, IReadOnlyList<string> Errors, int ErrorCount)
{
    /// <summary>Where a roster import's time went (for the bench); null for a refusal or a status file.</summary>
    public RosterImportPhases? Phases { get; init; }

    public static RosterImportOutcome Imported(Guid importId, int households, int members) => new(true, importId, households, members, [], 0);

    public static RosterImportOutcome Refused(IReadOnlyList<string> errors, int count) => new(false, null, 0, 0, errors, count);
}

/// <summary>How long each phase of a roster import took.</summary>
internal sealed class RosterImportPhases
{
    /// <summary>Decoding, parsing and checking every row.</summary>
    public TimeSpan Read { get; set; }

    /// <summary>Encrypting and hashing, in parallel.</summary>
    public TimeSpan Encrypt { get; set; }

    /// <summary>The bulk load of households and keys.</summary>
    public TimeSpan Write { get; set; }

    /// <summary>The transaction that makes it the roster: take-over of statuses and removal of the previous version.</summary>
    public TimeSpan Switch { get; set; }
}
