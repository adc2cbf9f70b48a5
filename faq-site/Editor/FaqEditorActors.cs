using System.Security.Claims;
using ConversationHub.Core.Identity;
using ConversationHub.Core.Persistence;
using ConversationHub.Faq.KnowledgeBase.Editing;
using ConversationHub.Faq.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Faq.Editor;

/// <summary>Resolves the <see cref="FaqEditorActor"/> of a request: editors and administrators from their role, department staff with their department (one query).</summary>
internal sealed class FaqEditorActors(HubDbContext hub, FaqDbContext faqs)
{
    public async Task<FaqEditorActor> OfAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var userId = StaffUser.IdOf(principal);
        if (principal.IsInRole(HubRoles.FaqEditor) || principal.IsInRole(HubRoles.Administrator))
        {
            return FaqEditorActor.Editor(userId);
        }

        var departmentId = userId is { } id && principal.IsInRole(HubRoles.DepartmentStaff)
            ? await hub.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.DepartmentId).FirstOrDefaultAsync(cancellationToken)
            : null;
        return FaqEditorActor.DepartmentStaff(userId, departmentId);
    }

    /// <summary>Whether <paramref name="principal"/> may work on the FAQ <paramref name="faqId"/> (true for a missing FAQ: the page answers 404 itself).</summary>
    public async Task<bool> MayEditAsync(ClaimsPrincipal principal, Guid faqId, CancellationToken cancellationToken) =>
        await MayEditAsync(await OfAsync(principal, cancellationToken), faqId, cancellationToken);

    /// <summary>Whether <paramref name="actor"/>, already resolved, may work on the FAQ <paramref name="faqId"/> (true for a missing FAQ).</summary>
    public async Task<bool> MayEditAsync(FaqEditorActor actor, Guid faqId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.EditsAll)
        {
            return true;
        }

        var owners = await faqs.Faqs.AsNoTracking().Where(f => f.Id == faqId).SelectMany(f => f.Owners).Select(o => o.DepartmentId).ToListAsync(cancellationToken);
        var exists = owners.Count > 0 || await faqs.Faqs.AnyAsync(f => f.Id == faqId, cancellationToken);
        return !exists || actor.MayEdit(owners);
    }
}
