using System.Globalization;
using ConversationHub.Core.Audit;
using ConversationHub.Core.Identity;
using ConversationHub.Handoff.Cases;
using ConversationHub.Handoff.Programs;
using ConversationHub.Handoff.Programs.Forms;
using ConversationHub.Handoff.Programs.Languages;
using ConversationHub.Handoff.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Handoff.Pages.Console.Programs.Forms;

/// <summary>
/// An administrator defines a program form without a code change
/// (<c>/console/programs/forms/edit?program=&lt;code&gt;[&amp;form=&lt;id&gt;]</c>): name, public or not, fields (key, label,
/// type, required, limits, options), duplicate keys and the CSV layout. Every save is a new version (audited); a save
/// based on an older version is refused.
/// </summary>
[Authorize(Roles = HubRoles.Administrator)]
internal sealed class FormEditModel(ProgramCatalog programs, ProgramForms forms, IStringLocalizer<ProgramFormStrings> strings, IStringLocalizer<ProgramLanguageStrings> languageStrings, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "program")]
    public string? ProgramCode { get; set; }

    /// <summary>The form; a new form gets its id when the page is first shown, so a repeated save cannot make two.</summary>
    [BindProperty(SupportsGet = true, Name = "form")]
    public Guid? FormId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Saved { get; set; }

    /// <summary>The version the edit started from (0 for a new form).</summary>
    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public bool PublicAllowed { get; set; }

    [BindProperty]
    public List<FieldInput> Fields { get; set; } = [];

    [BindProperty]
    public string? DuplicateKeys { get; set; }

    [BindProperty]
    public List<ColumnInput> Columns { get; set; } = [];

    [BindProperty]
    public string? Encoding { get; set; }

    public ProgramDefinition? Program { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    /// <summary>The program's languages besides Japanese, in which labels and choices may be entered.</summary>
    public IReadOnlyList<string> Languages => Program is null ? [] : [.. Program.LanguageList.Where(l => l != "ja")];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadProgramAsync(cancellationToken))
        {
            return NotFound();
        }

        var current = FormId is { } id ? await forms.CurrentAsync(id, cancellationToken) : null;
        if (FormId is not null && (current is null || current.ProgramId != Program!.Id))
        {
            return NotFound();
        }

        FormId ??= Guid.CreateVersion7(time.GetUtcNow());
        Show(current);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadProgramAsync(cancellationToken) || FormId is not { } formId)
        {
            return NotFound();
        }

        var existing = await forms.CurrentAsync(formId, cancellationToken);
        if (existing is not null && existing.ProgramId != Program!.Id)
        {
            return NotFound();
        }

        var edited = Edited(formId, out var inputError);
        Errors = edited is null
            ? [strings[inputError!].Value]
            : [.. edited.Check().Select(e => strings[e.Key, e.Args].Value), .. FormFieldTexts.Check(edited).Select(e => languageStrings[e.Key, e.Args].Value)];
        if (edited is null || Errors.Count > 0)
        {
            AddBlankRows();
            return Page();
        }

        var saved = await forms.SaveAsync(edited, ActorId(), cancellationToken);
        if (saved is null)
        {
            Errors = [strings["Define_Error_Stale"]];
            Show(await forms.CurrentAsync(formId, cancellationToken));
            return Page();
        }

        await HttpContext.AuditAsync(FormAuditActions.Defined, "program-form:" + saved.FormId,
            $"program {Program!.Code}; version {saved.Version}; public={saved.PublicAllowed}; fields={string.Join('|', saved.Fields.Select(f => f.Key))}");
        return RedirectToPage(new { program = ProgramCode, form = saved.FormId, saved = saved.Version });
    }

    private async Task<bool> LoadProgramAsync(CancellationToken cancellationToken)
    {
        Program = string.IsNullOrEmpty(ProgramCode) ? null : await programs.FindByCodeAsync(ProgramCode, cancellationToken);
        return Program is not null;
    }

    private void Show(FormDefinition? current)
    {
        Version = current?.Version ?? 0;
        Name = current?.Name;
        PublicAllowed = current?.PublicAllowed ?? false;
        Fields = [.. (current?.Fields ?? []).Select((f, i) => new FieldInput
        {
            Order = i + 1,
            Key = f.Key,
            Label = f.Label,
            Type = f.Type.ToString(),
            Required = f.Required,
            MaxLength = f.MaxLength?.ToString(CultureInfo.InvariantCulture),
            Min = f.Min?.ToString(CultureInfo.InvariantCulture),
            Max = f.Max?.ToString(CultureInfo.InvariantCulture),
            Options = string.Join('\n', f.OptionList),
            TranslatedLabels = (f.Translations ?? []).ToDictionary(t => t.Language, t => t.Label, StringComparer.Ordinal),
            TranslatedOptions = (f.Translations ?? []).ToDictionary(t => t.Language, t => (string?)string.Join('\n', t.Options ?? []), StringComparer.Ordinal),
        })];
        DuplicateKeys = string.Join(',', current?.DuplicateKeys ?? []);
        Columns = [.. (current?.Columns ?? []).Select(c => new ColumnInput { Source = c.Source, Header = c.Header, Format = c.Format.ToString() })];
        Encoding = (current?.Encoding ?? CaseCsvEncoding.Utf8).ToString();
        AddBlankRows();
    }

    // One blank field row and one blank column row add a field or a column.
    private void AddBlankRows()
    {
        Fields.Add(new FieldInput { Order = Fields.Count + 1, Type = nameof(FormFieldType.Text) });
        Columns.Add(new ColumnInput());
    }

    // The definition the page describes, in the order given; null (with the message's key) on an unknown type or a bad number.
    private FormDefinition? Edited(Guid formId, out string? error)
    {
        error = null;
        var fields = new List<FormField>();
        foreach (var input in Fields.Select((f, i) => (f, i)).OrderBy(x => x.f.Order).ThenBy(x => x.i).Select(x => x.f))
        {
            var key = input.Key?.Trim() ?? "";
            if ((key.Length == 0 && string.IsNullOrWhiteSpace(input.Label)) || input.Remove)
            {
                continue;
            }

            if (!Enum.TryParse<FormFieldType>(input.Type, ignoreCase: false, out var type) || !Enum.IsDefined(type))
            {
                error = "Define_Error_Type";
                return null;
            }

            if (!TryNumber(input.MaxLength, out var maxLength) || !TryNumber(input.Min, out var min) || !TryNumber(input.Max, out var max))
            {
                error = "Define_Error_Number";
                return null;
            }

            var options = type is FormFieldType.Choice or FormFieldType.MultiChoice
                ? (input.Options ?? "").Split('\n').Select(o => o.Trim()).Where(o => o.Length > 0).ToList()
                : [];
            fields.Add(new FormField(key, input.Label?.Trim() ?? "", type, input.Required, maxLength is { } m ? (int)Math.Clamp(m, 0, int.MaxValue) : null, min, max, options, TranslationsOf(input, options.Count > 0)));
        }

        var columns = new List<FormExportColumn>();
        foreach (var input in Columns.Where(c => !c.Remove && !string.IsNullOrWhiteSpace(c.Source)))
        {
            if (!Enum.TryParse<FormColumnFormat>(input.Format, ignoreCase: false, out var format) || !Enum.IsDefined(format))
            {
                error = "Define_Error_Type";
                return null;
            }

            columns.Add(new FormExportColumn(input.Source!.Trim(), input.Header?.Trim() ?? "", format));
        }

        if (!Enum.TryParse<CaseCsvEncoding>(Encoding, ignoreCase: false, out var encoding) || !Enum.IsDefined(encoding))
        {
            error = "Define_Error_Type";
            return null;
        }

        var keys = (DuplicateKeys ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
        return new FormDefinition(formId, Version, Program!.Id, Name?.Trim() ?? "", PublicAllowed, fields, keys, columns, encoding);
    }

    // The program's other languages as entered; a language with nothing entered is left out. Choices keep their lines
    // (a blank line is a choice without translation), trailing blank lines dropped.
    private List<FormFieldTranslation>? TranslationsOf(FieldInput input, bool hasChoices)
    {
        var translations = new List<FormFieldTranslation>();
        foreach (var language in Languages)
        {
            var label = input.TranslatedLabels.GetValueOrDefault(language)?.Trim();
            var options = hasChoices ? (input.TranslatedOptions.GetValueOrDefault(language) ?? "").Split('\n').Select(o => o.Trim()).ToList() : [];
            while (options.Count > 0 && options[^1].Length == 0)
            {
                options.RemoveAt(options.Count - 1);
            }

            if (!string.IsNullOrEmpty(label) || options.Count > 0)
            {
                translations.Add(new FormFieldTranslation(language, string.IsNullOrEmpty(label) ? null : label, options.Count > 0 ? options : null));
            }
        }

        return translations.Count > 0 ? translations : null;
    }

    private static bool TryNumber(string? text, out decimal? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (decimal.TryParse(text.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed))
        {
            value = parsed;
            return true;
        }

        return false;
    }

    private Guid? ActorId() => Guid.TryParse(User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value, out var id) ? id : null;

    /// <summary>One row of the fields' table.</summary>
    public sealed class FieldInput
    {
        public int Order { get; set; }

        public string? Key { get; set; }

        public string? Label { get; set; }

        public string? Type { get; set; }

        public bool Required { get; set; }

        public string? MaxLength { get; set; }

        public string? Min { get; set; }

        public string? Max { get; set; }

        /// <summary>Choices, one per line.</summary>
        public string? Options { get; set; }

        public bool Remove { get; set; }

        /// <summary>The label in the program's other languages, by language.</summary>
        public Dictionary<string, string?> TranslatedLabels { get; set; } = new(StringComparer.Ordinal);

        /// <summary>The choices in the program's other languages, one per line as the Japanese, by language.</summary>
        public Dictionary<string, string?> TranslatedOptions { get; set; } = new(StringComparer.Ordinal);
    }

    /// <summary>One row of the CSV layout.</summary>
    public sealed class ColumnInput
    {
        public string? Source { get; set; }

        public string? Header { get; set; }

        public string? Format { get; set; }

        public bool Remove { get; set; }
    }
}
