using ConversationHub.Faq.Editor;
using ConversationHub.Faq.KnowledgeBase.Attachments;
using ConversationHub.Faq.KnowledgeBase.Domain;
using ConversationHub.Faq.Persistence;
using ConversationHub.Faq.Resources;
using ConversationHub.Faq.Site;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ConversationHub.Faq.Pages.Console.Faq;

/// <summary>An FAQ's attachments: upload (PDF and images, type read from the bytes), list, remove.</summary>
[Authorize(Roles = FaqEditorRoles.EditorsAdministratorsAndDepartments)]
internal sealed class AttachmentsModel(
    FaqDbContext db, UploadFaqAttachment upload, RemoveFaqAttachment remove, IOptions<FaqAttachmentOptions> options, IStringLocalizer<FaqEditorStrings> strings, FaqEditorActors actors)
    : PageModel
{
    public Guid FaqId { get; private set; }

    public string Question { get; private set; } = "";

    public FaqStatus Status { get; private set; }

    public IReadOnlyList<FaqAttachment> Files { get; private set; } = [];

    public long MaxBytes => options.Value.MaxBytes;

    public string? Error { get; private set; }

    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? done, CancellationToken cancellationToken)
    {
        if (!await actors.MayEditAsync(User, id, cancellationToken))
        {
            return Forbid();
        }

        Done = done;
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, IFormFile? file, CancellationToken cancellationToken)
    {
        if (!await actors.MayEditAsync(User, id, cancellationToken))
        {
            return Forbid();
        }

        if (file is null)
        {
            return await ShowErrorAsync(id, AttachmentRefusal.Missing, cancellationToken);
        }

        await using var content = file.OpenReadStream();
        var (_, refusal) = await upload.ExecuteAsync(id, file.FileName, file.Length, content, cancellationToken);
        return refusal is { } reason ? await ShowErrorAsync(id, reason, cancellationToken) : Redirect($"/console/faq/{id}/attachments?done=uploaded");
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid attachmentId, CancellationToken cancellationToken)
    {
        if (!await actors.MayEditAsync(User, id, cancellationToken))
        {
            return Forbid();
        }

        await remove.ExecuteAsync(id, attachmentId, cancellationToken);
        return Redirect($"/console/faq/{id}/attachments?done=removed");
    }

    private async Task<IActionResult> ShowErrorAsync(Guid id, AttachmentRefusal refusal, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var limits = options.Value;
        Error = strings["Upload_" + refusal, FileSizes.Format(limits.MaxBytes), limits.MaxPerFaq];
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var faq = await db.Faqs.AsNoTracking().Where(f => f.Id == id).Select(f => new { f.Question, f.Status }).FirstOrDefaultAsync(cancellationToken);
        if (faq is null)
        {
            return false;
        }

        (FaqId, Question, Status) = (id, faq.Question, faq.Status);
        Files = await db.Attachments.AsNoTracking().Where(a => a.FaqId == id).OrderBy(a => a.SortOrder).ToListAsync(cancellationToken);
        return true;
    }
}
