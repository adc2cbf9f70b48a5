using System.Text.Json;
using ConversationHub.Core.Audit;
using ConversationHub.Handoff.Admin.Users;
using ConversationHub.Handoff.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Handoff.Programs.Rosters;

/// <summary>
/// Finds the household of one person by exactly their name, date of birth and postal code: one keyed hash, one index
/// seek in the program's active roster. There is no partial or list search. Every look-up is audited with its outcome,
/// never with what was searched.
/// </summary>
internal sealed class LookUpHousehold(HandoffDbContext db, IAuditLog audit)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public async Task<IReadOnlyList<RosterHouseholdView>> FindAsync(
        ProgramDefinition program, RosterQuery query, StaffActor actor, Guid? conversationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(actor);
        var found = await FindUnauditedAsync(program, query, cancellationToken);
        var detail = (found.Count == 0 ? "not found" : $"found {found.Count} household(s)")
            + (conversationId is { } conversation ? $"; conversation {conversation}" : "");
        await audit.AppendAsync(new AuditRecord(RosterAuditActions.Lookup, actor.Id, actor.UserName, "program:" + program.Code, detail, actor.FromAddress), cancellationToken);
        return found;
    }

    /// <summary>The look-up without its audit entry: for the bench, which times the index seek and decryption alone.</summary>
    public async Task<IReadOnlyList<RosterHouseholdView>> FindUnauditedAsync(ProgramDefinition program, RosterQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(query);
        // One statement: the program's settings by key, then the active roster's key by (import, hash), then its households.
        var hash = RosterKeys.Member(db.Pii, program.Id, query.Name, query.BirthDate, query.PostalCode);
        var households = await (
            from s in db.RosterSettings
            where s.ProgramId == program.Id
            join k in db.RosterKeys on s.ActiveImportId equals (Guid?)k.ImportId
            where k.Hash == hash
            join h in db.RosterHouseholds on k.HouseholdId equals h.Id
            select h).AsNoTracking().ToListAsync(cancellationToken);
        if (households.Count == 0)
            return [];
        // A household has history only once it has a status or a declination; most look-ups need no second query.
        var ids = households.Where(h => h.Status is not null || h.DeclinedOn is not null).Select(h => h.Id).ToList();
        var events = ids.Count == 0 ? [] : await db.RosterEvents.AsNoTracking().Where(e => ids.Contains(e.HouseholdId))
            .OrderBy(e => e.OnDay).ThenBy(e => e.AtUtc).ToListAsync(cancellationToken);
        return [.. households.Select(h => new RosterHouseholdView(
            h.Id, h.RowNumber, h.HouseholdNumber, h.PostalCode, h.Address,
            JsonSerializer.Deserialize<List<RosterMember>>(h.Members, Json) ?? [],
            h.Status, h.StatusOn, h.DeclinedOn, h.DeclinedBy,
            [.. events.Where(e => e.HouseholdId == h.Id)]))];
    }
}

/// <summary>What an agent asks: a person's name, date of birth and postal code, all three exactly.</summary>
internal sealed record RosterQuery(string Name, DateOnly BirthDate, string PostalCode);

/// <summary>A household found, decrypted for the agent's screen.</summary>
internal sealed record RosterHouseholdView(
    Guid Id, int RowNumber, string? Number, string PostalCode, string Address, IReadOnlyList<RosterMember> Members,
    RosterDeliveryStatus? Status, DateOnly? StatusOn, DateOnly? DeclinedOn, string? DeclinedBy, IReadOnlyList<RosterEvent> History);
