using System.Globalization;
using ConversationHub.Core.Audit;
using ConversationHub.Core.Identity;
using ConversationHub.Handoff.Programs;
using ConversationHub.Handoff.Programs.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConversationHub.Handoff.Pages.Console.Programs.Forms;

/// <summary>
/// A program's forms (<c>/console/programs/forms?program=&lt;code&gt;</c>): agents open the entry page from here (beside a
/// chat or call when <c>conversation</c> is given); administrators add and edit forms; supervisors and administrators
/// download the CSV for the city's system on demand and the daily files (every download audited).
/// </summary>
[Authorize(Roles = $"{HubRoles.Operator},{HubRoles.Supervisor},{HubRoles.Administrator}")]
internal sealed class FormsIndexModel(ProgramCatalog programs, ProgramForms forms, FormExport export) : PageModel
{
    /// <summary>The longest range one on-demand CSV covers.</summary>
    public const int MaxExportDays = 366;

    [BindProperty(SupportsGet = true, Name = "program")]
    public string? ProgramCode { get; set; }

    [BindProperty(SupportsGet = true, Name = "conversation")]
    public Guid? ConversationId { get; set; }

    public ProgramDefinition? Program { get; private set; }

    public ProgramServiceState State { get; private set; }

    public IReadOnlyList<FormDefinition> Forms { get; private set; } = [];

    public IReadOnlyDictionary<Guid, List<FormExport.DailyFile>> DailyFiles { get; private set; } = new Dictionary<Guid, List<FormExport.DailyFile>>();

    public bool CanExport => User.IsInRole(HubRoles.Supervisor) || User.IsInRole(HubRoles.Administrator);

    public bool CanDefine => User.IsInRole(HubRoles.Administrator);

    public DateOnly Today { get; private set; }

    public string? ExportError { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>The CSV of a form's entries taken from <paramref name="from"/> to <paramref name="to"/> (Japan days).</summary>
    public async Task<IActionResult> OnGetExportAsync(Guid form, string? from, string? to, CancellationToken cancellationToken)
    {
        if (!CanExport)
        {
            return Forbid();
        }

        await LoadAsync(cancellationToken);
        var definition = Forms.FirstOrDefault(f => f.FormId == form);
        if (definition is null)
        {
            return NotFound();
        }

        if (!TryDay(from, out var first) || !TryDay(to, out var last) || last < first || last.DayNumber - first.DayNumber >= MaxExportDays)
        {
            ExportError = "List_Export_BadDates";
            return Page();
        }

        var (csv, rows) = await export.CsvAsync(definition, first, last, cancellationToken);
        await HttpContext.AuditAsync(FormAuditActions.Exported, "program-form:" + form, $"program {Program!.Code}; {first:yyyy-MM-dd}..{last:yyyy-MM-dd}; rows {rows}; {definition.Encoding}");
        return File(csv, "text/csv", FileName(definition, first, last));
    }

    /// <summary>A daily file.</summary>
    public async Task<IActionResult> OnGetDailyAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!CanExport)
        {
            return Forbid();
        }

        await LoadAsync(cancellationToken);
        if (await export.DailyFileAsync(id, cancellationToken) is not { } file || Forms.FirstOrDefault(f => f.FormId == file.FormId) is not { } definition)
        {
            return NotFound();
        }

        await HttpContext.AuditAsync(FormAuditActions.Exported, "program-form:" + file.FormId, $"program {Program!.Code}; daily {file.Day:yyyy-MM-dd}");
        return File(file.Csv, "text/csv", FileName(definition, file.Day, file.Day));
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Program = string.IsNullOrEmpty(ProgramCode) ? null : await programs.FindByCodeAsync(ProgramCode, cancellationToken);
        Today = programs.TodayInJapan();
        if (Program is null)
        {
            return;
        }

        State = programs.StateToday(Program);
        Forms = await forms.ListAsync(Program.Id, cancellationToken);
        if (CanExport)
        {
            var files = new Dictionary<Guid, List<FormExport.DailyFile>>();
            foreach (var form in Forms)
            {
                files[form.FormId] = await export.DailyFilesAsync(form.FormId, cancellationToken);
            }

            DailyFiles = files;
        }
    }

    private static bool TryDay(string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    private string FileName(FormDefinition form, DateOnly from, DateOnly to) => string.Create(CultureInfo.InvariantCulture,
        $"{Program!.Code}-form-{form.FormId.ToString("N")[..8]}-{from:yyyyMMdd}{(from == to ? "" : $"-{to:yyyyMMdd}")}.csv");
}
