using ConversationHub.Handoff.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Handoff.Pages;

/// <summary>
/// お問い合わせを受け付けました: the page a successful 送信 redirects to (POST-redirect-GET, so a reload sends nothing).
/// The submission id in the path (random, from the form's signed ticket) finds the case number; without one (the
/// honeypot's pretended success) the page thanks without a number.
/// </summary>
[AllowAnonymous]
internal sealed class InquiryReceivedModel(HandoffDbContext db) : PageModel
{
    public string? CaseNumber { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        if (id is { } submission)
        {
            var key = "form:" + submission.ToString("N");
            CaseNumber = await db.CaseSubmissions.AsNoTracking().Where(s => s.Key == key)
                .Join(db.Cases.AsNoTracking(), s => s.CaseId, c => c.Id, (s, c) => c.Number)
                .FirstOrDefaultAsync(cancellationToken);
        }

        return Page();
    }
}
