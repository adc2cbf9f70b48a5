using ConversationHub.Core.Identity;
using ConversationHub.Handoff.Admin.Users;
using ConversationHub.Handoff.Programs;
using ConversationHub.Handoff.Programs.Administration;
using ConversationHub.Handoff.Programs.Languages;
using ConversationHub.Handoff.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Handoff.Pages.Console.Programs;

/// <summary>
/// A program's texts in its other languages (<c>?program=&lt;code&gt;&amp;lang=en</c>): name, end message, after-end
/// guidance and 持ち物, each beside its Japanese. Blank means "no translation": citizens see the Japanese with a note.
/// </summary>
[Authorize(Roles = HubRoles.Administrator)]
internal sealed class TextsModel(ProgramCatalog catalog, ProgramTextsEditor editor, IStringLocalizer<ProgramLanguageStrings> strings) : PageModel
{
    /// <summary>The texts the page edits, in order.</summary>
    public static IReadOnlyList<string> Fields { get; } =
        [nameof(ProgramTextsForm.Name), nameof(ProgramTextsForm.EndMessage), nameof(ProgramTextsForm.AfterEndGuidance), nameof(ProgramTextsForm.WhatToBring)];

    [BindProperty(SupportsGet = true, Name = "program")]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true, Name = "lang")]
    public string? Language { get; set; }

    [BindProperty]
    public ProgramTextsForm Form { get; set; } = new();

    public ProgramDefinition? Program { get; private set; }

    /// <summary>The program's languages besides Japanese.</summary>
    public IReadOnlyList<string> Languages { get; private set; } = [];

    /// <summary>How many texts each language still lacks (of those with a Japanese text).</summary>
    public IReadOnlyDictionary<string, int> Missing { get; private set; } = new Dictionary<string, int>();

    /// <summary>The Japanese of each field.</summary>
    public IReadOnlyDictionary<string, string> Japanese { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyList<ProgramFieldError> Errors { get; private set; } = [];

    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
            return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        // The language as posted: one the program lacks is refused, never saved as another.
        var (posted, language) = (Form, Language ?? "");
        if (!await LoadAsync(cancellationToken))
            return NotFound();
        Errors = await editor.SaveAsync(StaffActor.Of(HttpContext), Program!, language, posted, cancellationToken);
        if (Errors.Count > 0)
        {
            Form = posted;
            return Page();
        }

        await LoadAsync(cancellationToken);
        Notice = strings["Texts_Saved", strings["Lang_" + Language]];
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Program = string.IsNullOrEmpty(Code) ? null : await catalog.FindByCodeAsync(Code, cancellationToken);
        if (Program is null)
            return false;
        Languages = [.. Program.LanguageList.Where(l => l != "ja")];
        Language = Languages.Contains(Language ?? "", StringComparer.Ordinal) ? Language : (Languages.Count > 0 ? Languages[0] : null);
        var whatToBring = await editor.WhatToBringAsync(Program.Id, cancellationToken);
        Japanese = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [nameof(ProgramTextsForm.Name)] = Program.Name,
            [nameof(ProgramTextsForm.EndMessage)] = Program.EndMessage,
            [nameof(ProgramTextsForm.AfterEndGuidance)] = Program.AfterEndGuidance,
            [nameof(ProgramTextsForm.WhatToBring)] = whatToBring,
        };
        var texts = await editor.ListAsync(Program.Id, cancellationToken);
        Missing = Languages.ToDictionary(l => l, l => Fields.Count(f => Japanese[f].Length > 0 && string.IsNullOrEmpty(ValueOf(texts.GetValueOrDefault(l) is { } t ? ProgramTextsForm.Of(t) : null, f))), StringComparer.Ordinal);
        Form = ProgramTextsForm.Of(Language is null ? null : texts.GetValueOrDefault(Language));
        return true;
    }

    /// <summary>One field's value in <paramref name="form"/>.</summary>
    public static string? ValueOf(ProgramTextsForm? form, string field) => field switch
    {
        nameof(ProgramTextsForm.Name) => form?.Name,
        nameof(ProgramTextsForm.EndMessage) => form?.EndMessage,
        nameof(ProgramTextsForm.AfterEndGuidance) => form?.AfterEndGuidance,
        _ => form?.WhatToBring,
    };
}
