using ConversationHub.Core.Identity;
using ConversationHub.Handoff.Admin.Teams;
using ConversationHub.Handoff.Admin.Users;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Handoff.Programs;
using ConversationHub.Handoff.Programs.Administration;
using ConversationHub.Handoff.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Handoff.Pages.Console.Programs;

/// <summary>
/// One program: define it (no <c>program</c>) or change it (<c>?program=&lt;code&gt;</c>), every field of
/// <see cref="ProgramDefinition"/>; a saved program's page also links to its forms, reservations and roster and shows
/// its web chat entry to copy.
/// </summary>
[Authorize(Roles = HubRoles.Administrator)]
internal sealed class EditModel(ProgramCatalog catalog, ProgramEditor editor, HandoffDbContext db, IStringLocalizer<ProgramStrings> strings) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "program")]
    public string? Code { get; set; }

    [BindProperty]
    public ProgramForm Form { get; set; } = new();

    public ProgramDefinition? Program { get; private set; }

    public ProgramServiceState? State { get; private set; }

    public IReadOnlyList<TeamView> Teams { get; private set; } = [];

    public IReadOnlyList<ProgramFieldError> Errors { get; private set; } = [];

    public string? Notice { get; private set; }

    /// <summary>The citizen's web chat entry: the FAQ site with the program's code, which its chat widget passes on.</summary>
    public string ChatEntryUrl => $"{Request.Scheme}://{Request.Host}{Request.PathBase}/?program={Uri.EscapeDataString(Program?.Code ?? "")}";

    /// <summary>The id of a field's input, the error summary's link target.</summary>
    public static string FieldId(string field) => "f-" + field;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
            return NotFound();
        if (Program is not null)
            Form = ProgramForm.Of(Program);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
            return NotFound();
        var created = Program is null;
        var result = await editor.SaveAsync(StaffActor.Of(HttpContext), Program?.Code, Form, cancellationToken);
        if (!result.Succeeded)
        {
            Errors = result.Errors;
            return Page();
        }

        Code = result.Program!.Code;
        await LoadAsync(cancellationToken);
        Form = ProgramForm.Of(Program!);
        Notice = created ? strings["Created", Program!.Name] : strings["Saved"];
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Teams = [.. (await db.Teams.AsNoTracking().OrderBy(t => t.Name).ToListAsync(cancellationToken)).Select(t => new TeamView(t.Id, t.Name, []))];
        if (string.IsNullOrEmpty(Code))
            return true;
        Program = await catalog.FindByCodeAsync(Code, cancellationToken);
        State = Program is null ? null : catalog.StateToday(Program);
        return Program is not null;
    }
}
