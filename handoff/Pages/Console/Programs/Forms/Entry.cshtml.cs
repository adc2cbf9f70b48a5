using System.Security.Claims;
using ConversationHub.Core.Audit;
using ConversationHub.Core.Identity;
using ConversationHub.Handoff.Programs;
using ConversationHub.Handoff.Programs.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConversationHub.Handoff.Pages.Console.Programs.Forms;

/// <summary>
/// 代行入力: an agent fills a program form beside a live chat or call
/// (<c>?program=&lt;code&gt;&amp;form=&lt;id&gt;&amp;conversation=&lt;guid&gt;</c>), reads every answer back to the caller
/// (復唱), then saves; a duplicate on the form's keys needs an explicit 「重複を承知で保存する」. The entry links to the
/// conversation and its case. <c>?entry=&lt;id&gt;</c> shows a saved entry with the version it was taken on (audited).
/// </summary>
[Authorize(Roles = $"{HubRoles.Operator},{HubRoles.Supervisor},{HubRoles.Administrator}")]
internal sealed class FormEntryModel(ProgramCatalog programs, ProgramForms forms, ProgramFormEntries entries, FormAnswers answers) : PageModel
{
    public enum Step
    {
        /// <summary>Unknown program or form.</summary>
        Unavailable,

        /// <summary>The program is not in service: its forms are closed.</summary>
        Closed,

        Input,

        /// <summary>復唱: every answer in words, then save.</summary>
        ReadBack,

        /// <summary>A saved entry, with its own version.</summary>
        Saved,
    }

    [BindProperty(SupportsGet = true, Name = "program")]
    public string? ProgramCode { get; set; }

    [BindProperty(SupportsGet = true, Name = "form")]
    public Guid? FormId { get; set; }

    [BindProperty(SupportsGet = true, Name = "conversation")]
    public Guid? ConversationId { get; set; }

    [BindProperty(SupportsGet = true, Name = "entry")]
    public Guid? EntryId { get; set; }

    /// <summary>The version the agent filled (posted back, so a new version saved meanwhile does not change it).</summary>
    [BindProperty(Name = "version")]
    public int? FormVersion { get; set; }

    [BindProperty(Name = "saveAnyway")]
    public bool SaveAnyway { get; set; }

    public Step Current { get; private set; } = Step.Unavailable;

    public ProgramDefinition? Program { get; private set; }

    public ProgramServiceState State { get; private set; }

    public FormDefinition? Form { get; private set; }

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Inputs { get; private set; } = new Dictionary<string, IReadOnlyList<string>>();

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> Values { get; private set; } = new Dictionary<string, string>();

    public int Duplicates { get; private set; }

    public ProgramFormEntries.CaseLink? Case { get; private set; }

    public ProgramFormEntry? Entry { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (EntryId is { } entryId)
        {
            return await ShowSavedAsync(entryId, cancellationToken);
        }

        if (await LoadAsync(cancellationToken))
        {
            Current = Step.Input;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostReadBackAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken))
        {
            Check();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostEditAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken))
        {
            Inputs = FormInputs.Read(Request.Form);
            Current = Step.Input;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || !Check())
        {
            return Page();
        }

        var taken = await entries.TakeAsync(Form!, Values, ProgramFormEntry.AgentSource, ConversationId, Case?.Id, ActorId(), SaveAnyway, cancellationToken);
        if (taken.Entry is not { } entry)
        {
            Duplicates = taken.Duplicates;
            return Page();
        }

        var action = taken.Duplicates > 0 ? FormAuditActions.DuplicateSaved : FormAuditActions.EntrySaved;
        await HttpContext.AuditAsync(action, "program-form-entry:" + entry.Id, $"program {Program!.Code}; form {Form!.FormId} v{Form.Version}; conversation {ConversationId}; duplicates {taken.Duplicates}");
        return RedirectToPage(new { program = ProgramCode, form = FormId, conversation = ConversationId, entry = entry.Id });
    }

    // Loads the program, the form (the posted version, else the current one) and the case; says whether entries are open.
    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await forms.OpenAsync(ProgramCode, FormId, FormVersion, cancellationToken) is not { } opened)
        {
            return false;
        }

        (Program, Form, State) = (opened.Program, opened.Form, opened.State);
        Case = await entries.CaseOfAsync(ConversationId, cancellationToken);
        if (State != ProgramServiceState.InService)
        {
            Current = Step.Closed;
            return false;
        }

        return true;
    }

    // Checks the posted answers: the read-back on success, the form with its messages otherwise (nothing saved).
    private bool Check()
    {
        (Inputs, var result) = answers.CheckPosted(Form!, Request.Form);
        Errors = result.Errors;
        Values = result.Values;
        Current = result.IsValid ? Step.ReadBack : Step.Input;
        return result.IsValid;
    }

    private async Task<IActionResult> ShowSavedAsync(Guid entryId, CancellationToken cancellationToken)
    {
        Program = string.IsNullOrEmpty(ProgramCode) ? null : await programs.FindByCodeAsync(ProgramCode, cancellationToken);
        Entry = await entries.FindAsync(entryId, cancellationToken);
        if (Program is null || Entry is null || Entry.ProgramId != Program.Id)
        {
            Entry = null;
            return Page();
        }

        Form = await forms.VersionAsync(Entry.FormId, Entry.FormVersion, cancellationToken);
        Values = ProgramFormEntries.ValuesOf(Entry);
        Case = await entries.CaseOfAsync(Entry.ConversationId, cancellationToken);
        State = programs.StateToday(Program);
        Current = Step.Saved;
        await HttpContext.AuditAsync(FormAuditActions.EntryViewed, "program-form-entry:" + Entry.Id, $"program {Program.Code}");
        return Page();
    }

    private Guid? ActorId() => Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}
