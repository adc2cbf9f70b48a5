using ConversationHub.Faq.Editor;
using ConversationHub.Faq.KnowledgeBase.Domain;
using ConversationHub.Faq.Persistence;
using ConversationHub.Faq.Synonyms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Faq.Pages.Console.Faq;

/// <summary>The synonym dictionary, one group per form; a save applies on every node without a restart.</summary>
[Authorize(Roles = FaqEditorRoles.EditorsAndAdministrators)]
internal sealed class SynonymsModel(FaqDbContext db, EditSynonymGroup edit) : PageModel
{
    private static readonly char[] Separators = ['\n', '\r', '、', ','];

    public IReadOnlyList<FaqSynonymGroup> Groups { get; private set; } = [];

    /// <summary>The group whose form shows <see cref="Errors"/> (<see cref="Guid.Empty"/> for the new-group form).</summary>
    public Guid? ErrorGroup { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    /// <summary>What the editor typed in the form that failed, shown back to them.</summary>
    public string? Typed { get; private set; }

    public string? Done { get; private set; }

    public async Task OnGetAsync(string? done, CancellationToken cancellationToken)
    {
        Done = done;
        await LoadAsync(cancellationToken);
    }

    public Task<IActionResult> OnPostAsync(Guid? groupId, string? terms, CancellationToken cancellationToken) =>
        SaveAsync(groupId, terms ?? "", cancellationToken);

    public Task<IActionResult> OnPostDeleteAsync(Guid groupId, CancellationToken cancellationToken) =>
        SaveAsync(groupId, null, cancellationToken);

    private async Task<IActionResult> SaveAsync(Guid? groupId, string? terms, CancellationToken cancellationToken)
    {
        var editor = StaffUser.IdOf(User);
        var members = terms?.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var errors = await edit.ExecuteAsync(groupId, members, editor, cancellationToken);
        if (errors.Count == 0)
        {
            return Redirect("/console/faq/synonyms?done=" + (terms is null ? "deleted" : "saved"));
        }

        (ErrorGroup, Errors, Typed) = (groupId ?? Guid.Empty, errors, terms);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Groups = await db.SynonymGroups.AsNoTracking().OrderBy(g => g.Id).ToListAsync(cancellationToken);
}
