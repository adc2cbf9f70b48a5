using ConversationHub.Core.Audit;
using ConversationHub.Core.Identity;
using ConversationHub.Core.Programs;
using ConversationHub.Handoff.Programs;
using ConversationHub.Handoff.Programs.Reservations;
using ConversationHub.Handoff.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Handoff.Pages.Console.Programs.Reservations;

/// <summary>
/// 予約受付: an agent books for a caller or chatter (a day from the next free ones, a time, name, phone and how to
/// notify, then a read-back confirmation), and looks a reservation up by number + phone to change or cancel it. It
/// drives core's <see cref="IReservationSystem"/>, so a city's external system is driven the same way. Every change and
/// look-up is audited.
/// </summary>
[Authorize(Roles = HubRoles.Operator + "," + HubRoles.Supervisor + "," + HubRoles.Administrator)]
internal sealed class IndexModel(
    IReservationSystem reservations, ProgramCatalog programs, ReservationNoticeOutbox noticeOutbox, IStringLocalizer<ReservationStrings> strings) : PageModel
{
    private const int DaysShown = 14;

    [BindProperty(SupportsGet = true, Name = "program")]
    public string? ProgramCode { get; set; }

    [BindProperty(SupportsGet = true, Name = "conversation")]
    public Guid? ConversationId { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? Day { get; set; }

    [BindProperty]
    public BookingForm Booking { get; set; } = new();

    [BindProperty]
    public LookupForm Lookup { get; set; } = new();

    public ProgramDefinition? Program { get; private set; }

    public IReadOnlyList<ReservationDay> Days { get; private set; } = [];

    public IReadOnlyList<ReservationTime> Times { get; private set; } = [];

    /// <summary>The free times offered for a change (the next free days' times).</summary>
    public IReadOnlyList<ReservationTime> ChangeTimes { get; private set; } = [];

    /// <summary>The time being confirmed (read back before booking).</summary>
    public ReservationTime? Confirming { get; private set; }

    /// <summary>The reservation just booked, changed, cancelled or found.</summary>
    public ReservationView? Result { get; private set; }

    /// <summary>What was done (a resource key), shown above <see cref="Result"/>.</summary>
    public string? Done { get; private set; }

    public string? Error { get; private set; }

    /// <summary>The program's LINE/SMS notices that failed for good, by kind of failure (supervisors and administrators see them).</summary>
    public IReadOnlyList<NoticeFailures> FailedNotices { get; private set; } = [];

    /// <summary>How many failed notices were just put back in line, or null.</summary>
    public int? NoticesRetried { get; private set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    /// <summary>Supervisors and administrators send the program's failed notices again (after the channel is fixed).</summary>
    public async Task<IActionResult> OnPostRetryNoticesAsync(CancellationToken cancellationToken)
    {
        if (!User.IsInRole(HubRoles.Supervisor) && !User.IsInRole(HubRoles.Administrator))
        {
            return Forbid();
        }

        Program = string.IsNullOrWhiteSpace(ProgramCode) ? null : await programs.FindByCodeAsync(ProgramCode.Trim(), cancellationToken);
        if (Program is not null)
        {
            NoticesRetried = await noticeOutbox.RetryFailedAsync(Program.Id, cancellationToken);
            await HttpContext.AuditAsync(ReservationAuditActions.NoticesRetried, "program:" + Program.Code, $"{NoticesRetried} notice(s)");
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        // The read-back step checks what it can without booking; the system checks everything again when booking.
        Confirming = Times.FirstOrDefault(t => t.SlotId == Booking.SlotId);
        Error = Confirming is null ? strings["Error_SlotUnavailable"].Value
            : string.IsNullOrWhiteSpace(Booking.Name) || Booking.Name.Trim().Length > Reservation.MaxNameLength ? strings["Error_Name"].Value
            : ReservationPhones.Normalize(Booking.Phone) is null ? strings["Error_Phone"].Value
            : Booking.Channel != ReservationContactChannel.None && string.IsNullOrWhiteSpace(Booking.Address) ? strings["Error_Contact"].Value
            : null;
        if (Error is not null)
        {
            Confirming = null;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostBookAsync(CancellationToken cancellationToken)
    {
        var result = await reservations.BookAsync(BookingRequest(), cancellationToken);
        if (result.Succeeded)
        {
            await HttpContext.AuditAsync(ReservationAuditActions.Booked, "reservation:" + result.Reservation!.Number, Detail());
            Booking = new BookingForm();
        }

        return await ShowAsync(result, "Page_Booked", cancellationToken);
    }

    public async Task<IActionResult> OnPostLookupAsync(CancellationToken cancellationToken)
    {
        var result = await reservations.FindAsync(ProgramCode ?? "", Lookup.Number ?? "", Lookup.Phone ?? "", cancellationToken);
        if (result.Succeeded)
        {
            await HttpContext.AuditAsync(ReservationAuditActions.LookedUp, "reservation:" + result.Reservation!.Number, Detail());
        }

        return await ShowAsync(result, null, cancellationToken);
    }

    public async Task<IActionResult> OnPostChangeAsync(string? newSlot, CancellationToken cancellationToken)
    {
        var result = await reservations.ChangeAsync(ProgramCode ?? "", Lookup.Number ?? "", Lookup.Phone ?? "", newSlot ?? "", Actor(), cancellationToken);
        if (result.Succeeded)
        {
            await HttpContext.AuditAsync(ReservationAuditActions.Changed, "reservation:" + result.Reservation!.Number, Detail());
        }

        return await ShowAsync(result, "Page_Changed", cancellationToken);
    }

    public async Task<IActionResult> OnPostCancelAsync(CancellationToken cancellationToken)
    {
        var result = await reservations.CancelAsync(ProgramCode ?? "", Lookup.Number ?? "", Lookup.Phone ?? "", Actor(), cancellationToken);
        if (result.Succeeded)
        {
            await HttpContext.AuditAsync(ReservationAuditActions.Cancelled, "reservation:" + result.Reservation!.Number, Detail());
        }

        return await ShowAsync(result, "Page_Cancelled", cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(ReservationResult result, string? done, CancellationToken cancellationToken)
    {
        Result = result.Reservation;
        Done = result.Succeeded ? done : null;
        Error = result.Message;
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

        if (User.IsInRole(HubRoles.Supervisor) || User.IsInRole(HubRoles.Administrator))
        {
            FailedNotices = await noticeOutbox.FailuresAsync(Program.Id, cancellationToken);
        }

        Days = await reservations.NextFreeDaysAsync(Program.Code, DaysShown, cancellationToken);
        Day ??= Days.Count > 0 ? Days[0].Day : null;
        Times = Day is { } day ? await reservations.FreeTimesAsync(Program.Code, day, cancellationToken) : [];
        if (Result is { Status: ReservationStatus.Booked })
        {
            var times = new List<ReservationTime>();
            foreach (var free in Days.Take(5))
            {
                times.AddRange(await reservations.FreeTimesAsync(Program.Code, free.Day, cancellationToken));
            }

            ChangeTimes = times;
        }
    }

    private ReservationRequest BookingRequest() =>
        new(ProgramCode ?? "", Booking.SlotId ?? "", Booking.Name ?? "", Booking.Phone ?? "", new ReservationContact(Booking.Channel, Booking.Address), Actor());

    private ReservationActor Actor() => new("staff:" + User.Identity?.Name, ConversationId);

    private string Detail() => "program:" + ProgramCode + (ConversationId is { } id ? "; conversation:" + id : "");

    /// <summary>The booking's fields.</summary>
    public sealed class BookingForm
    {
        public string? SlotId { get; set; }

        public string? Name { get; set; }

        public string? Phone { get; set; }

        public ReservationContactChannel Channel { get; set; }

        public string? Address { get; set; }
    }

    /// <summary>The look-up's fields (kept for change and cancel).</summary>
    public sealed class LookupForm
    {
        public string? Number { get; set; }

        public string? Phone { get; set; }
    }
}
