using ConversationHub.Handoff.Persistence;
using ConversationHub.Handoff.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Handoff.Programs.Rosters;

/// <summary>
/// Applies a status file to the program's active roster: each row names a household by its number (世帯番号) or by a
/// member's name, date of birth and postal code, with a status (配達済み, 返戻, 再送付) and its date. All or nothing:
/// a row that is malformed or matches no household (or several) refuses the file. Rows of one household apply in date
/// order; the latest is its status, and every row joins its history.
/// </summary>
internal sealed class ImportRosterStatuses(HandoffDbContext db, IStringLocalizer<RosterStrings> strings, TimeProvider time)
{
    private const int Chunk = 500;

    /// <summary>The header names of a status file, in the order the template lists them.</summary>
    public static readonly string[] Headers = ["世帯番号", "氏名", "生年月日", "郵便番号", "状態", "日付"];

    private static readonly Dictionary<string, RosterDeliveryStatus> States = new(StringComparer.Ordinal)
    {
        ["配達済み"] = RosterDeliveryStatus.Delivered,
        ["配達済"] = RosterDeliveryStatus.Delivered,
        ["返戻"] = RosterDeliveryStatus.Returned,
        ["再送付"] = RosterDeliveryStatus.Resent,
        ["再送"] = RosterDeliveryStatus.Resent,
    };

    public async Task<RosterImportOutcome> ImportAsync(ProgramDefinition program, byte[] data, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(data);
        var settings = await db.RosterSettings.AsNoTracking().FirstOrDefaultAsync(s => s.ProgramId == program.Id, cancellationToken);
        if (settings is not { Layout: { } layout, ActiveImportId: { } active })
            return RosterImportOutcome.Refused([strings["Status_NoRoster"]], 1);
        var file = new RosterFile();
        // Malformed rows are reported first, then the well-formed ones that match no household, so one pass shows all.
        var rows = Read(program.Id, data, layout.Encoding, file);
        await ResolveAsync(active, rows, file, cancellationToken);
        if (file.ErrorCount > 0)
            return RosterImportOutcome.Refused(file.Errors, file.ErrorCount);

        var now = time.GetUtcNow().UtcDateTime;
        var import = new RosterImport(program.Id, RosterImportKind.Statuses, rows.Count, actor, now) { State = RosterImportState.Active };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.RosterImports.Add(import);
        foreach (var chunk in rows.OrderBy(r => r.OnDay).ThenBy(r => r.Row).Chunk(Chunk))
        {
            var ids = chunk.Select(r => r.HouseholdId).Distinct().ToList();
            var households = await db.RosterHouseholds.Where(h => ids.Contains(h.Id)).ToDictionaryAsync(h => h.Id, cancellationToken);
            foreach (var row in chunk)
            {
                var household = households[row.HouseholdId];
                if (household.StatusOn is null || household.StatusOn <= row.OnDay)
                    (household.Status, household.StatusOn) = (row.Status, row.OnDay);
                db.RosterEvents.Add(new RosterEvent(program.Id, household.Id, (RosterEventKind)row.Status, row.OnDay, actor, import.Id, now));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return RosterImportOutcome.Imported(import.Id, rows.Select(r => r.HouseholdId).Distinct().Count(), rows.Count);
    }

    private List<StatusRow> Read(Guid programId, byte[] data, RosterEncoding encoding, RosterFile file)
    {
        var rows = new List<StatusRow>();
        if (RosterFileText.Decode(data, encoding) is not { } text)
        {
            file.Error(strings["File_Encoding", strings[encoding == RosterEncoding.ShiftJis ? "Encoding_ShiftJis" : "Encoding_Utf8"]]);
            return rows;
        }

        using var records = RosterFileText.Records(text).GetEnumerator();
        if (!records.MoveNext())
        {
            file.Error(strings["File_Empty"]);
            return rows;
        }

        var header = records.Current.Fields.Select(h => h.Trim()).ToList();
        var at = Headers.Select(h => header.IndexOf(h)).ToArray();
        var (number, name, birth, postal, state, day) = (at[0], at[1], at[2], at[3], at[4], at[5]);
        if (state < 0 || day < 0 || (number < 0 && (name < 0 || birth < 0 || postal < 0)))
        {
            file.Error(strings["Status_Header", string.Join("、", Headers)]);
            return rows;
        }

        while (records.MoveNext())
        {
            var (row, fields) = records.Current;
            string Field(int index) => index >= 0 && index < fields.Length ? fields[index].Trim() : "";
            var errors = file.ErrorCount;
            if (!States.TryGetValue(Field(state), out var status))
                file.Error(strings["Status_State", row]);
            if (!JapaneseDate.TryParse(Field(day), out var onDay))
                file.Error(strings["Status_Date", row]);
            string? hash = null;
            var byNumber = Field(number).Length > 0;
            if (byNumber)
                hash = RosterKeys.Number(db.Pii, programId, Field(number));
            else if (Field(name).Length == 0 || !JapaneseDate.TryParse(Field(birth), out var birthDate) || !RosterKeys.IsPostalCode(Field(postal)))
                file.Error(strings["Status_Person", row]);
            else
                hash = RosterKeys.Member(db.Pii, programId, Field(name), birthDate, Field(postal));
            if (file.ErrorCount == errors)
                rows.Add(new StatusRow(row, byNumber, hash!, status, onDay));
        }

        if (rows.Count == 0 && file.ErrorCount == 0)
            file.Error(strings["File_Empty"]);
        return rows;
    }

    private async Task ResolveAsync(Guid importId, List<StatusRow> rows, RosterFile file, CancellationToken cancellationToken)
    {
        var matches = new Dictionary<string, List<Guid>>(StringComparer.Ordinal);
        foreach (var chunk in rows.Where(r => r.ByNumber).Select(r => r.Hash).Distinct().Chunk(Chunk))
        {
            foreach (var h in await db.RosterHouseholds.AsNoTracking().Where(h => h.ImportId == importId && chunk.Contains(h.NumberHash!))
                .Select(h => new { h.NumberHash, h.Id }).ToListAsync(cancellationToken))
                Add(h.NumberHash!, h.Id);
        }

        foreach (var chunk in rows.Where(r => !r.ByNumber).Select(r => r.Hash).Distinct().Chunk(Chunk))
        {
            foreach (var k in await db.RosterKeys.AsNoTracking().Where(k => k.ImportId == importId && chunk.Contains(k.Hash)).ToListAsync(cancellationToken))
                Add(k.Hash, k.HouseholdId);
        }

        foreach (var row in rows)
        {
            var found = matches.GetValueOrDefault(row.Hash);
            if (found is not [var id])
                file.Error(strings[found is null ? "Status_NotFound" : "Status_Ambiguous", row.Row]);
            else
                row.HouseholdId = id;
        }

        void Add(string hash, Guid id)
        {
            if (!matches.TryGetValue(hash, out var list))
                matches[hash] = list = [];
            list.Add(id);
        }
    }

    private sealed record StatusRow(int Row, bool ByNumber, string Hash, RosterDeliveryStatus Status, DateOnly OnDay)
    {
        public Guid HouseholdId { get; set; }
    }
}
