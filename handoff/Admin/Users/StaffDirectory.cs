using ConversationHub.Core.Identity;
using ConversationHub.Core.Persistence;
using ConversationHub.Handoff.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Handoff.Admin.Users;

/// <summary>
/// Reads staff accounts for the administrators' list and the CSV export. PERF: the filters run in the database and
/// only one page's roles and teams are read, so a list of several hundred department accounts stays one short query
/// per table. The search is on the staff id only: display names are encrypted at rest.
/// </summary>
internal sealed class StaffDirectory(HubDbContext hub, HandoffDbContext handoff)
{
    public const string ActiveState = "active";
    public const string DisabledState = "disabled";

    public async Task<StaffPage> PageAsync(StaffFilter filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        var query = Filtered(filter);
        var total = await query.CountAsync(cancellationToken);
        var users = await query.OrderBy(u => u.NormalizedUserName).Skip(Math.Max(0, page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new StaffPage(await RowsAsync(users, cancellationToken), total);
    }

    /// <summary>Every account that matches, in staff-id order (the export).</summary>
    public async Task<IReadOnlyList<StaffRow>> AllAsync(StaffFilter filter, CancellationToken cancellationToken)
    {
        var users = await Filtered(filter).OrderBy(u => u.NormalizedUserName).ToListAsync(cancellationToken);
        return await RowsAsync(users, cancellationToken);
    }

    public async Task<StaffRow?> OneAsync(Guid id, CancellationToken cancellationToken)
    {
        var users = await hub.Users.AsNoTracking().Where(u => u.Id == id).ToListAsync(cancellationToken);
        return users.Count == 0 ? null : (await RowsAsync(users, cancellationToken))[0];
    }

    private IQueryable<HubUser> Filtered(StaffFilter filter)
    {
        var query = hub.Users.AsNoTracking();
        if (filter.Role is { Length: > 0 } role)
        {
            var roleId = hub.Roles.Where(r => r.Name == role).Select(r => r.Id);
            query = query.Where(u => hub.UserRoles.Any(ur => ur.UserId == u.Id && roleId.Contains(ur.RoleId)));
        }

        if (filter.DepartmentId is { } departmentId)
            query = query.Where(u => u.DepartmentId == departmentId);
        if (filter.State == ActiveState)
            query = query.Where(u => u.DisabledAtUtc == null);
        else if (filter.State == DisabledState)
            query = query.Where(u => u.DisabledAtUtc != null);
        if (filter.Search?.Trim() is { Length: > 0 } search)
        {
            // Staff ids compare case-insensitively, as sign-in does (NormalizedUserName is upper case).
            var needle = search.ToUpperInvariant();
            query = query.Where(u => u.NormalizedUserName!.Contains(needle));
        }

        return query;
    }

    private async Task<IReadOnlyList<StaffRow>> RowsAsync(List<HubUser> users, CancellationToken cancellationToken)
    {
        var ids = users.Select(u => u.Id).ToList();
        var roles = (await hub.UserRoles.AsNoTracking().Where(ur => ids.Contains(ur.UserId))
                .Join(hub.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
                .ToListAsync(cancellationToken))
            .ToLookup(x => x.UserId, x => x.Name!);
        var departments = await hub.Departments.AsNoTracking().Select(d => new { d.Id, d.Code, d.Name }).ToDictionaryAsync(d => d.Id, cancellationToken);
        var teams = (await handoff.TeamMembers.AsNoTracking().Where(m => ids.Contains(m.UserId))
                .Join(handoff.Teams, m => m.TeamId, t => t.Id, (m, t) => new { m.UserId, t.Name })
                .ToListAsync(cancellationToken))
            .ToLookup(x => x.UserId, x => x.Name);
        return [.. users.Select(u =>
        {
            var department = u.DepartmentId is { } d && departments.TryGetValue(d, out var found) ? found : null;
            return new StaffRow(
                u.Id, u.UserName!, u.DisplayName, u.Email, [.. HubRoles.All.Where(r => roles[u.Id].Contains(r, StringComparer.Ordinal))],
                u.DepartmentId, department?.Code, department?.Name, [.. teams[u.Id].Order(StringComparer.Ordinal)], u.IsDisabled, u.TwoFactorEnabled, u.ChangedAtUtc);
        })];
    }
}
