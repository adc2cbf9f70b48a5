using ConversationHub.Core.Audit;
using ConversationHub.Core.Identity;
using ConversationHub.Handoff.Admin.Users;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Handoff.Programs;
using ConversationHub.Handoff.Programs.Rosters;
using ConversationHub.Handoff.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Handoff.Pages.Console.Programs;

/// <summary>
/// 配布先名簿の照会: an agent looks one household up by name + date of birth + postal code (posted, so the values never
/// sit in a URL or an access log) and takes a declination; administrators also set the column layout and import the
/// roster and status files.
/// </summary>
[Authorize(Roles = $"{HubRoles.Operator},{HubRoles.Supervisor},{HubRoles.Administrator}")]
internal sealed class RosterModel(ProgramCatalog catalog, HandoffDbContext db, IStringLocalizer<RosterStrings> strings) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "program")]
    public string? ProgramCode { get; set; }

    [BindProperty(SupportsGet = true, Name = "conversation")]
    public Guid? ConversationId { get; set; }

    public ProgramDefinition? Program { get; private set; }

    public RosterImport? ActiveImport { get; private set; }

    public IReadOnlyList<RosterImport> Imports { get; private set; } = [];

    [BindProperty]
    public RosterLayoutForm Layout { get; set; } = new();

    public string? Name { get; private set; }

    public string? BirthDate { get; private set; }

    public string? PostalCode { get; private set; }

    /// <summary>Null until a look-up was made.</summary>
    public IReadOnlyList<RosterHouseholdView>? Results { get; private set; }

    public List<string> Errors { get; } = [];

    public string? Notice { get; private set; }

    public int ErrorCount { get; private set; }

    public bool IsAdministrator => User.IsInRole(HubRoles.Administrator);

    public DateOnly Today => catalog.TodayInJapan();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(true, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostLookupAsync(string? name, string? birthDate, string? postalCode, [FromServices] LookUpHousehold lookup, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(true, cancellationToken))
            return NotFound();
        await LookUpAsync(name, birthDate, postalCode, lookup, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDeclineAsync(Guid household, string? declinedOn, string? name, string? birthDate, string? postalCode,
        [FromServices] DeclineHousehold decline, [FromServices] LookUpHousehold lookup, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(true, cancellationToken))
            return NotFound();
        if (!JapaneseDate.TryParse(declinedOn, out var day))
            Errors.Add(strings["Decline_DayInvalid"]);
        else if (await decline.DeclineAsync(Program!, household, day, StaffActor.Of(HttpContext), cancellationToken) is { } refused)
            Errors.Add(refused);
        else
            Notice = strings["Decline_Done"];
        await LookUpAsync(name, birthDate, postalCode, lookup, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostLayoutAsync([FromServices] ConfigureRosterLayout configure, CancellationToken cancellationToken)
    {
        if (!IsAdministrator)
            return Forbid();
        if (!await LoadAsync(false, cancellationToken))
            return NotFound();
        if (Layout.ToLayout(strings, Errors) is { } layout)
        {
            await configure.SaveAsync(Program!, layout, StaffActor.Of(HttpContext), cancellationToken);
            Notice = strings["Layout_Saved"];
        }

        return Page();
    }

    public Task<IActionResult> OnPostImportAsync(IFormFile? file, [FromServices] ImportRoster import, CancellationToken cancellationToken) =>
        ImportFileAsync(file, RosterAuditActions.Imported, "Import_Done", (program, data, actor) => import.ImportAsync(program, data, actor, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostStatusesAsync(IFormFile? file, [FromServices] ImportRosterStatuses import, CancellationToken cancellationToken) =>
        ImportFileAsync(file, RosterAuditActions.StatusesImported, "Statuses_Done", (program, data, actor) => import.ImportAsync(program, data, actor, cancellationToken), cancellationToken);

    public string StatusText(RosterDeliveryStatus status) => strings["Status_" + status];

    public string EventText(RosterEventKind kind) => strings["Status_" + kind];

    private async Task<IActionResult> ImportFileAsync(IFormFile? file, string action, string done,
        Func<ProgramDefinition, byte[], string, Task<RosterImportOutcome>> import, CancellationToken cancellationToken)
    {
        if (!IsAdministrator)
            return Forbid();
        if (!await LoadAsync(true, cancellationToken))
            return NotFound();
        if (file is null || file.Length == 0)
        {
            Errors.Add(strings["Import_NoFile"]);
            return Page();
        }

        if (file.Length > RosterFileText.MaxBytes)
        {
            Errors.Add(strings["File_TooLarge"]);
            return Page();
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken);
        var outcome = await import(Program!, buffer.ToArray(), User.Identity?.Name ?? "");
        await HttpContext.AuditAsync(action, "program:" + Program!.Code,
            outcome.Done ? $"{outcome.Households} households, {outcome.Members} rows; import {outcome.ImportId}" : $"refused: {outcome.ErrorCount} errors");
        if (outcome.Done)
        {
            Notice = strings[done, outcome.Households, outcome.Members];
        }
        else
        {
            ErrorCount = outcome.ErrorCount;
            Errors.AddRange(outcome.Errors);
        }

        await LoadAsync(true, cancellationToken);
        return Page();
    }

    private async Task LookUpAsync(string? name, string? birthDate, string? postalCode, LookUpHousehold lookup, CancellationToken cancellationToken)
    {
        (Name, BirthDate, PostalCode) = (name, birthDate, postalCode);
        var before = Errors.Count;
        if (string.IsNullOrWhiteSpace(name))
            Errors.Add(strings["Lookup_NameRequired"]);
        if (!JapaneseDate.TryParse(birthDate, out var birth))
            Errors.Add(strings["Lookup_BirthDateInvalid"]);
        if (!RosterKeys.IsPostalCode(postalCode))
            Errors.Add(strings["Lookup_PostalCodeInvalid"]);
        if (Errors.Count > before)
            return;
        Results = await lookup.FindAsync(Program!, new RosterQuery(name!, birth, postalCode!), StaffActor.Of(HttpContext), ConversationId, cancellationToken);
    }

    private async Task<bool> LoadAsync(bool layoutFromStore, CancellationToken cancellationToken)
    {
        Program = string.IsNullOrWhiteSpace(ProgramCode) ? null : await catalog.FindByCodeAsync(ProgramCode.Trim(), cancellationToken);
        if (Program is null)
            return false;
        var settings = await db.RosterSettings.AsNoTracking().FirstOrDefaultAsync(s => s.ProgramId == Program.Id, cancellationToken);
        if (layoutFromStore)
            Layout = RosterLayoutForm.Of(settings?.Layout);
        ActiveImport = settings?.ActiveImportId is { } active ? await db.RosterImports.AsNoTracking().FirstOrDefaultAsync(i => i.Id == active, cancellationToken) : null;
        if (IsAdministrator)
        {
            Imports = await db.RosterImports.AsNoTracking().Where(i => i.ProgramId == Program.Id)
                .OrderByDescending(i => i.ImportedAtUtc).Take(20).ToListAsync(cancellationToken);
        }

        return true;
    }
}
