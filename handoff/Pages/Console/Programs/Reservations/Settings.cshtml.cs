using ConversationHub.Core.Audit;
using ConversationHub.Core.Identity;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Handoff.Programs;
using ConversationHub.Handoff.Programs.Reservations;
using ConversationHub.Handoff.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Handoff.Pages.Console.Programs.Reservations;

/// <summary>予約設定: an administrator sets 持ち物, slot length, places per slot and how far ahead, adds places, and generates slots.</summary>
[Authorize(Roles = HubRoles.Administrator)]
internal sealed class SettingsModel(
    HandoffDbContext db,
    ProgramCatalog programs,
    ReservationAdministration admin,
    ReservationPlaceAdministration places,
    ReservationSlotGenerator generator,
    IStringLocalizer<ReservationStrings> strings,
    IStringLocalizer<ReservationAdminStrings> adminStrings) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "program")]
    public string? ProgramCode { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    public ProgramDefinition? Program { get; private set; }

    public ReservationSettings? Settings { get; private set; }

    public IReadOnlyList<ReservationPlace> Places { get; private set; } = [];

    public IReadOnlyList<ReservationSlot> Slots { get; private set; } = [];

    public string? Error { get; private set; }

    public string? Notice { get; private set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public Task<IActionResult> OnPostSaveAsync(string? whatToBring, int slotMinutes, int capacity, int bookableDays, CancellationToken cancellationToken) =>
        DoAsync(program => admin.SaveSettingsAsync(program.Id, whatToBring, slotMinutes, capacity, bookableDays, cancellationToken), ReservationAuditActions.SettingsChanged,
            $"{slotMinutes} min; {capacity} per slot; {bookableDays} days", cancellationToken);

    public Task<IActionResult> OnPostAddPlaceAsync(string? name, string? address, CancellationToken cancellationToken) =>
        DoAsync(program => admin.AddPlaceAsync(program.Id, name, address, cancellationToken), ReservationAuditActions.PlaceAdded, name, cancellationToken);

    public Task<IActionResult> OnPostEditPlaceAsync(Guid place, string? name, string? address, CancellationToken cancellationToken) =>
        ApplyAsync(async program =>
        {
            var error = await places.EditAsync(program.Id, place, name, address, cancellationToken);
            Notice = error is null ? adminStrings["Places_Saved"].Value : null;
            return error is null ? null : adminStrings[error.Key, error.Count].Value;
        }, ReservationAuditActions.PlaceEdited, () => $"place:{place}; {name}", cancellationToken);

    public Task<IActionResult> OnPostRemovePlaceAsync(Guid place, CancellationToken cancellationToken)
    {
        string? detail = null;
        return ApplyAsync(async program =>
        {
            var (error, removed) = await places.RemoveAsync(program.Id, place, cancellationToken);
            detail = $"place:{place}; {removed} empty slots removed";
            Notice = error is null ? adminStrings["Places_Removed", removed].Value : null;
            return error is null ? null : adminStrings[error.Key, error.Count].Value;
        }, ReservationAuditActions.PlaceRemoved, () => detail, cancellationToken);
    }

    public Task<IActionResult> OnPostGenerateAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        string? detail = null;
        return DoAsync(async program =>
        {
            if (await admin.SettingsAsync(program.Id, cancellationToken) is null || (await admin.PlacesAsync(program.Id, cancellationToken)).Count == 0)
            {
                return "Error_NoSettings";
            }

            if (from is not { } first || to is not { } last || last < first || last.DayNumber - first.DayNumber >= ReservationSlotGenerator.MaxDays
                || first < program.StartsOn || last > program.ServiceEndsOn)
            {
                return "Error_Range";
            }

            var (added, removed) = await generator.GenerateAsync(program, first, last, cancellationToken);
            detail = $"{first:yyyy-MM-dd}..{last:yyyy-MM-dd}; added {added}; removed {removed}";
            Notice = strings["Settings_Generated", added, removed];
            From = first;
            return null;
        }, ReservationAuditActions.SlotsGenerated, () => detail, cancellationToken);
    }

    private Task<IActionResult> DoAsync(Func<ProgramDefinition, Task<string?>> change, string action, string? detail, CancellationToken cancellationToken) =>
        DoAsync(change, action, () => detail, cancellationToken);

    private Task<IActionResult> DoAsync(Func<ProgramDefinition, Task<string?>> change, string action, Func<string?> detail, CancellationToken cancellationToken) =>
        ApplyAsync(async program => await change(program) is { } key ? strings[key].Value : null, action, detail, cancellationToken);

    // Runs a change whose refusal is a message, audits it when it is done, and shows the page again.
    private async Task<IActionResult> ApplyAsync(Func<ProgramDefinition, Task<string?>> change, string action, Func<string?> detail, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Program is null)
        {
            return Page();
        }

        var error = await change(Program);
        if (error is null)
        {
            await HttpContext.AuditAsync(action, "program:" + Program.Code, detail());
            Notice ??= strings["Settings_Saved"];
        }

        Error = error;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Program = string.IsNullOrWhiteSpace(ProgramCode) ? null : await programs.FindByCodeAsync(ProgramCode.Trim(), cancellationToken);
        if (Program is null)
        {
            return;
        }

        Settings = await admin.SettingsAsync(Program.Id, cancellationToken);
        Places = await admin.PlacesAsync(Program.Id, cancellationToken);
        var from = From ?? programs.TodayInJapan();
        From = from;
        var to = from.AddDays(14);
        Slots = await db.ReservationSlots.AsNoTracking().Where(s => s.ProgramId == Program.Id && s.Day >= from && s.Day < to)
            .OrderBy(s => s.Day).ThenBy(s => s.Starts).Take(2000).ToListAsync(cancellationToken);
    }
}
