using ConversationHub.Handoff.Inquiry;
using ConversationHub.Handoff.Programs;
using ConversationHub.Handoff.Programs.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace ConversationHub.Handoff.Pages.Programs;

/// <summary>
/// A program form's public version (<c>/programs/{code}/forms/{id}</c>), where the form allows citizens to fill it and
/// the program is in service: 入力 → 入力内容の確認 → 送信. After the end of service it shows the program's end message
/// and guidance and accepts nothing.
/// </summary>
/// <remarks>
/// The inquiry form's guards, reused: antiforgery, a honeypot, its signed ticket (<see cref="InquiryFormToken"/>: not
/// sent faster than a person can, not expired) and its per-address limit on 送信 (<see cref="InquiryRateLimits.Policy"/>).
/// A citizen's duplicate is saved without a warning (a warning would tell a stranger that someone with that name and
/// date of birth applied); agents see duplicates when they take entries.
/// </remarks>
[AllowAnonymous]
[EnableRateLimiting(InquiryRateLimits.Policy)]
internal sealed class PublicFormModel(ProgramForms forms, ProgramFormEntries entries, FormAnswers answers, InquiryFormToken tickets) : PageModel
{
    public enum Step
    {
        /// <summary>No such public form.</summary>
        Unavailable,

        /// <summary>The program is not in service.</summary>
        Closed,

        Input,

        Confirm,

        Done,

        /// <summary>The ticket expired or the form was sent too fast: the citizen confirms again.</summary>
        Expired,
    }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true, Name = "done")]
    public bool IsDone { get; set; }

    /// <summary>The citizen's language (<c>?lang=en</c>), one of the program's; labels and choices show in it where translated.</summary>
    [BindProperty(SupportsGet = true, Name = "lang")]
    public string? Language { get; set; }

    /// <summary><see cref="Language"/> when the program has it, else Japanese.</summary>
    public string CitizenLanguage => Language is { Length: > 0 } language && Program is not null && Program.LanguageList.Contains(language, StringComparer.Ordinal) ? language : "ja";

    [BindProperty(Name = "version")]
    public int? FormVersion { get; set; }

    [BindProperty(Name = "ticket")]
    public string? Ticket { get; set; }

    [BindProperty(Name = InquiryModel.HoneypotName)]
    public string? Honeypot { get; set; }

    public Step Current { get; private set; } = Step.Unavailable;

    public ProgramDefinition? Program { get; private set; }

    public ProgramServiceState State { get; private set; }

    public FormDefinition? Form { get; private set; }

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Inputs { get; private set; } = new Dictionary<string, IReadOnlyList<string>>();

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> Values { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken))
        {
            Current = IsDone ? Step.Done : Step.Input;
            Ticket = tickets.Issue();
        }

        return Result();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken))
        {
            Check();
            Ticket = tickets.Read(Ticket) is null ? tickets.Issue() : Ticket;
        }

        return Result();
    }

    public async Task<IActionResult> OnPostEditAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken))
        {
            Inputs = FormInputs.Read(Request.Form);
            Current = Step.Input;
        }

        return Result();
    }

    public async Task<IActionResult> OnPostSubmitAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || !Check())
        {
            return Result();
        }

        if (!string.IsNullOrEmpty(Honeypot))
        {
            // A script filled the hidden field: it sees success, nothing is kept.
            return RedirectToPage(new { code = Code, id = Id, done = true, lang = Language });
        }

        if (tickets.Read(Ticket) is not { } ticket || !tickets.FilledSlowlyEnough(ticket.IssuedAt))
        {
            Current = Step.Expired;
            Ticket = tickets.Issue();
            return Result();
        }

        await entries.TakeAsync(Form!, Values, ProgramFormEntry.PublicSource, null, null, null, saveAnyway: true, cancellationToken);
        return RedirectToPage(new { code = Code, id = Id, done = true, lang = Language });
    }

    private IActionResult Result() => Current == Step.Unavailable ? NotFound() : Page();

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await forms.OpenAsync(Code, Id, FormVersion, cancellationToken) is not { Form.PublicAllowed: true } opened)
        {
            return false;
        }

        (Program, Form, State) = (opened.Program, opened.Form, opened.State);
        if (State != ProgramServiceState.InService)
        {
            Current = Step.Closed;
            return false;
        }

        return true;
    }

    private bool Check()
    {
        (Inputs, var result) = answers.CheckPosted(Form!, Request.Form);
        Errors = result.Errors;
        Values = result.Values;
        Current = result.IsValid ? Step.Confirm : Step.Input;
        return result.IsValid;
    }
}
