using ConversationHub.Faq.Editor;
using ConversationHub.Faq.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Faq.Pages.Console.Faq;

/// <summary>The revision history (改訂履歴) of one FAQ.</summary>
[Authorize(Roles = FaqEditorRoles.EditorsAdministratorsAndDepartments)]
internal sealed class HistoryModel(FaqDbContext db, RevisionHistory history, FaqEditorActors actors) : PageModel
{
    public Guid FaqId { get; private set; }

    public string Question { get; private set; } = "";

    public IReadOnlyList<RevisionEntry> Revisions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await actors.MayEditAsync(User, id, cancellationToken))
        {
            return Forbid();
        }

        var question = await db.Faqs.AsNoTracking().Where(f => f.Id == id).Select(f => f.Question).FirstOrDefaultAsync(cancellationToken);
        if (question is null)
        {
            return NotFound();
        }

        (FaqId, Question) = (id, question);
        Revisions = await history.ListAsync(id, cancellationToken);
        return Page();
    }
}
