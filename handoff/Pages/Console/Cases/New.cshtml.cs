using ConversationHub.Core.Identity;
using ConversationHub.Handoff.Cases;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Handoff.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Handoff.Pages.Console.Cases;

/// <summary>
/// A case typed in by the center's staff (<c>/console/cases/new</c>): a walk-in, a letter, a call (電話). The desk checks
/// the fields and the actor's rights; on success the case's page opens.
/// </summary>
[Authorize(Roles = HubRoles.Operator + "," + HubRoles.Supervisor)]
internal sealed class CaseNewModel(CaseActors actors, CaseDesk desk, HandoffDbContext db, IStringLocalizer<HandoffStrings> strings) : PageModel
{
    public CaseCatalogSnapshot Catalog { get; private set; } = null!;

    public CaseForm Form { get; private set; } = CaseForm.Empty;

    public CaseChannel Channel { get; private set; } = CaseChannel.Manual;

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public string? Alert { get; private set; }

    public IReadOnlyDictionary<string, string> ScriptTexts => CaseConsole.ScriptTexts(strings);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Catalog = await CaseCatalogSnapshot.LoadAsync(db, cancellationToken);

    public async Task<IActionResult> OnPostAsync(string? channel, CancellationToken cancellationToken)
    {
        var actor = await actors.OfAsync(User, cancellationToken);
        if (actor is null)
        {
            return Forbid();
        }

        Catalog = await CaseCatalogSnapshot.LoadAsync(db, cancellationToken);
        Form = CaseForm.FromRequest(Request.Form);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Channel = channel == nameof(CaseChannel.Voice) ? CaseChannel.Voice : CaseChannel.Manual;
        if (channel is not (null or "" or nameof(CaseChannel.Manual) or nameof(CaseChannel.Voice)))
        {
            errors["channel"] = [strings["Cases_Error_Channel"].Value];
        }

        var (input, categoryError) = Form.ToInput(Catalog);
        if (categoryError is not null)
        {
            errors[categoryError] = [strings["Cases_Error_UnknownCategory"].Value];
        }

        if (errors.Count == 0)
        {
            var outcome = await desk.CreateAsync(actor, Channel, input, CustomFieldCheck.Staff, null, [], null, cancellationToken);
            if (outcome.Succeeded)
            {
                return LocalRedirect($"/console/cases/{outcome.Case!.Id}?done=created");
            }

            errors = outcome.Errors?.ToDictionary(StringComparer.Ordinal) ?? errors;
            Alert = outcome.Error == CaseError.Forbidden ? strings["CasesUi_Error_Forbidden"] : strings["Cases_Error_Invalid"];
        }
        else
        {
            Alert = strings["Cases_Error_Invalid"];
        }

        Errors = errors;
        return Page();
    }
}
