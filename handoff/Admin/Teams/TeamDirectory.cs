using ConversationHub.Core.Audit;
using ConversationHub.Core.Identity;
using ConversationHub.Handoff.Agents;
using ConversationHub.Handoff.Admin.Users;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Handoff.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Handoff.Admin.Teams;

/// <summary>
/// Teams and groups: create, rename, delete, members. Teams are skill groups (a chat is transferred to a team by
/// routing category), so a member who is an agent (operator or supervisor) carries the team's name among the
/// categories of their routing profile; renaming or deleting the team, or removing the member, updates those profiles.
/// Every change is audited as <c>team.changed</c>.
/// </summary>
internal sealed class TeamDirectory(HandoffDbContext db, UserManager<HubUser> users, IAuditLog audit, TimeProvider time, IStringLocalizer<AdminUserStrings> strings)
{
    public async Task<IReadOnlyList<TeamView>> ListAsync(CancellationToken cancellationToken)
    {
        var teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name).ToListAsync(cancellationToken);
        var members = (await db.TeamMembers.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(m => m.TeamId, m => m.UserId);
        return [.. teams.Select(t => new TeamView(t.Id, t.Name, [.. members[t.Id]]))];
    }

    public async Task<string?> CreateAsync(StaffActor actor, string? name, CancellationToken cancellationToken)
    {
        if (await CheckNameAsync(name, null, cancellationToken) is { } error)
            return error;
        var team = new StaffTeam(name!.Trim(), Now);
        db.Teams.Add(team);
        await db.SaveChangesAsync(cancellationToken);
        await AuditAsync(actor, team.Name, "created", cancellationToken);
        return null;
    }

    public async Task<string?> RenameAsync(StaffActor actor, Guid id, string? name, CancellationToken cancellationToken)
    {
        if (await db.Teams.FirstOrDefaultAsync(t => t.Id == id, cancellationToken) is not { } team)
            return strings["Error_TeamNotFound"];
        if (await CheckNameAsync(name, id, cancellationToken) is { } error)
            return error;
        var old = team.Name;
        team.Name = name!.Trim();
        team.UpdatedAtUtc = Now;
        var members = await MembersAsync(id, cancellationToken);
        await RelabelAsync(members, old, team.Name, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await AuditAsync(actor, team.Name, "renamed from " + old, cancellationToken);
        return null;
    }

    public async Task<string?> DeleteAsync(StaffActor actor, Guid id, CancellationToken cancellationToken)
    {
        if (await db.Teams.FirstOrDefaultAsync(t => t.Id == id, cancellationToken) is not { } team)
            return strings["Error_TeamNotFound"];
        await RelabelAsync(await MembersAsync(id, cancellationToken), team.Name, null, cancellationToken);
        db.Teams.Remove(team);
        await db.SaveChangesAsync(cancellationToken);
        await AuditAsync(actor, team.Name, "deleted", cancellationToken);
        return null;
    }

    /// <summary>Makes <paramref name="members"/> the team's members (staff ids that do not exist are an error).</summary>
    public async Task<string?> SetMembersAsync(StaffActor actor, Guid id, IReadOnlyCollection<Guid> members, CancellationToken cancellationToken)
    {
        if (await db.Teams.FirstOrDefaultAsync(t => t.Id == id, cancellationToken) is not { } team)
            return strings["Error_TeamNotFound"];
        foreach (var member in members)
        {
            if (await users.FindByIdAsync(member.ToString()) is null)
                return strings["Error_NotFound"];
        }

        var current = await MembersAsync(id, cancellationToken);
        var added = members.Except(current).ToList();
        var removed = current.Except(members).ToList();
        if (added.Count == 0 && removed.Count == 0)
            return null;
        db.TeamMembers.AddRange(added.Select(m => new StaffTeamMember(id, m)));
        db.TeamMembers.RemoveRange(await db.TeamMembers.Where(m => m.TeamId == id && removed.Contains(m.UserId)).ToListAsync(cancellationToken));
        await RelabelAsync(removed, team.Name, null, cancellationToken);
        await RelabelAsync(await AgentsAsync(added, cancellationToken), null, team.Name, cancellationToken, create: true);
        team.UpdatedAtUtc = Now;
        await db.SaveChangesAsync(cancellationToken);
        await AuditAsync(actor, team.Name, $"members +{added.Count} -{removed.Count}", cancellationToken);
        return null;
    }

    /// <summary>The teams' names in order (the console's team list), or none when no team was made yet.</summary>
    public static async Task<List<string>> NamesAsync(HandoffDbContext db, CancellationToken cancellationToken) =>
        await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => t.Name).ToListAsync(cancellationToken);

    private async Task<List<Guid>> MembersAsync(Guid teamId, CancellationToken cancellationToken) =>
        await db.TeamMembers.Where(m => m.TeamId == teamId).Select(m => m.UserId).ToListAsync(cancellationToken);

    // Agents take chats; department staff in a team only name it on cases, and get no routing profile.
    private async Task<List<Guid>> AgentsAsync(List<Guid> ids, CancellationToken cancellationToken)
    {
        var agents = new List<Guid>();
        foreach (var id in ids)
        {
            if (await users.FindByIdAsync(id.ToString()) is { } user
                && (await users.IsInRoleAsync(user, HubRoles.Operator) || await users.IsInRoleAsync(user, HubRoles.Supervisor)))
                agents.Add(id);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return agents;
    }

    // Replaces category `from` by `to` (either may be null: add or remove) in the members' routing profiles.
    private async Task RelabelAsync(List<Guid> members, string? from, string? to, CancellationToken cancellationToken, bool create = false)
    {
        var profiles = await db.Agents.Where(a => members.Contains(a.AgentId)).ToListAsync(cancellationToken);
        if (create)
        {
            var now = Now;
            var missing = members.Except(profiles.Select(p => p.AgentId)).Select(m => new AgentPresence(m, now)).ToList();
            db.Agents.AddRange(missing);
            profiles.AddRange(missing);
        }

        foreach (var profile in profiles)
        {
            var categories = profile.Categories.Split('|', StringSplitOptions.RemoveEmptyEntries).Where(c => c != from).ToList();
            if (to is not null && !categories.Contains(to, StringComparer.Ordinal))
                categories.Add(to);
            profile.Categories = string.Join('|', categories);
        }
    }

    private async Task<string?> CheckNameAsync(string? name, Guid? self, CancellationToken cancellationToken)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0 || trimmed.Length > StaffTeam.MaxNameLength || trimmed.Contains('|', StringComparison.Ordinal))
            return strings["Error_TeamName", StaffTeam.MaxNameLength];
        if (await db.Teams.AnyAsync(t => t.Name == trimmed && t.Id != self, cancellationToken))
            return strings["Error_TeamNameTaken", trimmed];
        return null;
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private Task AuditAsync(StaffActor actor, string team, string detail, CancellationToken cancellationToken) =>
        audit.AppendAsync(new AuditRecord(AuditActions.TeamChanged, actor.Id, actor.UserName, "team:" + team, detail, actor.FromAddress), cancellationToken);
}
