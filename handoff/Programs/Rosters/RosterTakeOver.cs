using ConversationHub.Handoff.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Handoff.Programs.Rosters;

/// <summary>
/// When a new roster version replaces the previous one, a household whose head is listed again (same name, date of
/// birth and postal code: the same head hash) keeps its delivery status, its declination and its history. A household
/// that is no longer listed loses them with its row; the audit log keeps who declared what.
/// </summary>
internal static class RosterTakeOver
{
    // Set-based, in the database: a roster of 100,000 households may carry as many statuses. UPDATE … FROM is PostgreSQL's
    // and SQLite's (3.33+) alike.
    public static async Task MoveAsync(HandoffDbContext db, Guid previous, Guid next, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync($"""
            UPDATE program_roster_households AS n
            SET "Status" = o."Status", "StatusOn" = o."StatusOn", "DeclinedOn" = o."DeclinedOn", "DeclinedAtUtc" = o."DeclinedAtUtc", "DeclinedBy" = o."DeclinedBy"
            FROM program_roster_households AS o
            WHERE n."ImportId" = {next} AND o."ImportId" = {previous} AND o."HeadHash" = n."HeadHash"
              AND (o."Status" IS NOT NULL OR o."DeclinedOn" IS NOT NULL)
            """, cancellationToken);
        await db.Database.ExecuteSqlAsync($"""
            UPDATE program_roster_events AS e
            SET "HouseholdId" = n."Id"
            FROM program_roster_households AS o, program_roster_households AS n
            WHERE e."HouseholdId" = o."Id" AND o."ImportId" = {previous} AND n."ImportId" = {next} AND n."HeadHash" = o."HeadHash"
            """, cancellationToken);
        await db.RosterEvents.Where(e => db.RosterHouseholds.Any(h => h.ImportId == previous && h.Id == e.HouseholdId)).ExecuteDeleteAsync(cancellationToken);
    }
}
