using ConversationHub.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Faq.Editor;

/// <summary>
/// Staff names and departments from core, for the editors' screens. Names are personal data: they are read
/// through core's context, which decrypts them, and are only ever shown, never logged.
/// </summary>
internal sealed class StaffDirectory(HubDbContext hub)
{
    /// <summary>Display names by user id; ids of deleted accounts are missing.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IEnumerable<Guid?> userIds, CancellationToken cancellationToken)
    {
        var ids = userIds.OfType<Guid>().Distinct().ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<Guid, string>();
        }

        var users = await hub.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken);
        return users.ToDictionary(u => u.Id, u => u.DisplayName);
    }

    /// <summary>Active departments in the city's order (by reading), for choosing owners.</summary>
    public async Task<IReadOnlyList<DepartmentChoice>> DepartmentsAsync(CancellationToken cancellationToken) =>
        await hub.Departments.AsNoTracking().Where(d => d.IsActive).OrderBy(d => d.Kana).ThenBy(d => d.Code)
            .Select(d => new DepartmentChoice(d.Id, d.Name)).ToListAsync(cancellationToken);
}

/// <summary>A department as the editor picks it.</summary>
internal sealed record DepartmentChoice(Guid Id, string Name);
