using ConversationHub.Core.Audit;
using ConversationHub.Core.Identity;
using ConversationHub.Handoff.Programs;
using ConversationHub.Handoff.Programs.Reservations;
using ConversationHub.Handoff.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Handoff.Pages.Console.Programs.Reservations;

/// <summary>
/// 枠の管理: an administrator lists a day's slots and changes one slot's capacity (never below what is booked; the
/// database refuses it) or closes and reopens it. Every change is audited.
/// </summary>
[Authorize(Roles = HubRoles.Administrator)]
internal sealed class SlotsModel(ProgramCatalog programs, ReservationSlotAdministration slots, IStringLocalizer<ReservationAdminStrings> strings) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "program")]
    public string? ProgramCode { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? Day { get; set; }

    public ProgramDefinition? Program { get; private set; }

    public IReadOnlyList<ReservationSlotAdministration.SlotRow> Slots { get; private set; } = [];

    public string? Error { get; private set; }

    public string? Notice { get; private set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public Task<IActionResult> OnPostCapacityAsync(Guid slot, int capacity, CancellationToken cancellationToken) =>
        ChangeAsync(program => slots.SetCapacityAsync(program.Id, slot, capacity, cancellationToken), ReservationAuditActions.SlotCapacityChanged, $"slot:{slot}; capacity {capacity}", cancellationToken);

    public Task<IActionResult> OnPostCloseAsync(Guid slot, CancellationToken cancellationToken) =>
        ChangeAsync(program => slots.SetClosedAsync(program.Id, slot, true, cancellationToken), ReservationAuditActions.SlotClosed, $"slot:{slot}", cancellationToken);

    public Task<IActionResult> OnPostReopenAsync(Guid slot, CancellationToken cancellationToken) =>
        ChangeAsync(program => slots.SetClosedAsync(program.Id, slot, false, cancellationToken), ReservationAuditActions.SlotReopened, $"slot:{slot}", cancellationToken);

    private async Task<IActionResult> ChangeAsync(Func<ProgramDefinition, Task<ReservationAdminError?>> change, string action, string detail, CancellationToken cancellationToken)
    {
        Program = await FindProgramAsync(cancellationToken);
        if (Program is not null)
        {
            var error = await change(Program);
            if (error is null)
            {
                await HttpContext.AuditAsync(action, "program:" + Program.Code, detail);
                Notice = strings["Slots_Saved"];
            }
            else
            {
                Error = strings[error.Key, error.Count];
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Program ??= await FindProgramAsync(cancellationToken);
        if (Program is null)
        {
            return;
        }

        Day ??= programs.TodayInJapan().AddDays(1);
        Slots = await slots.DayAsync(Program.Id, Day.Value, cancellationToken);
    }

    private async Task<ProgramDefinition?> FindProgramAsync(CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(ProgramCode) ? null : await programs.FindByCodeAsync(ProgramCode.Trim(), cancellationToken);
}
