using System.Security.Claims;
using ConversationHub.Core.Identity;
using ConversationHub.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Handoff.Cases;

/// <summary>
/// A signed-in staff member as the cases see them: their roles and their department. Contact-center staff (operators,
/// supervisors, the center's approvers) see every case; department staff and a department's approvers see their
/// department's cases only.
/// </summary>
internal sealed record CaseActor(Guid Id, Guid? DepartmentId, bool IsOperator, bool IsSupervisor, bool IsApprover, bool IsDepartmentStaff)
{
    /// <summary>Contact-center staff see every case.</summary>
    public bool SeesAllCases => DepartmentId is null && (IsOperator || IsSupervisor || IsApprover);

    /// <summary>Whether the actor works a department's side of cases.</summary>
    public bool IsDepartmentSide => DepartmentId is not null && (IsDepartmentStaff || IsApprover);

    /// <summary>Whether the actor may see <paramref name="record"/>.</summary>
    public bool CanSee(CaseRecord record) => SeesAllCases || (IsDepartmentSide && record.DepartmentId == DepartmentId);

    /// <summary>Whether the actor may change <paramref name="record"/>'s fields, notes and replies.</summary>
    public bool CanWork(CaseRecord record) =>
        (DepartmentId is null && (IsOperator || IsSupervisor)) || (IsDepartmentSide && record.DepartmentId == DepartmentId);

    /// <summary>
    /// Whether the actor may approve <paramref name="reply"/>: an approver of the sending department or of the center,
    /// never its author, never an operator (even one who also holds the approver role).
    /// </summary>
    public bool CanApprove(CaseReply reply) =>
        IsApprover && !IsOperator && reply.AuthorId != Id && (DepartmentId is null || DepartmentId == reply.DepartmentId);

    /// <summary>The cases the actor may see.</summary>
    public IQueryable<CaseRecord> Visible(IQueryable<CaseRecord> cases) =>
        SeesAllCases ? cases : IsDepartmentSide ? cases.Where(c => c.DepartmentId == DepartmentId) : cases.Where(c => false);
}

/// <summary>Resolves the <see cref="CaseActor"/> of a request (one query for the department).</summary>
internal sealed class CaseActors(HubDbContext hub)
{
    public async Task<CaseActor?> OfAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id))
        {
            return null;
        }

        var departmentId = await hub.Users.Where(u => u.Id == id).Select(u => u.DepartmentId).FirstOrDefaultAsync(cancellationToken);
        return new CaseActor(id, departmentId, principal.IsInRole(HubRoles.Operator), principal.IsInRole(HubRoles.Supervisor),
            principal.IsInRole(HubRoles.Approver), principal.IsInRole(HubRoles.DepartmentStaff));
    }
}
