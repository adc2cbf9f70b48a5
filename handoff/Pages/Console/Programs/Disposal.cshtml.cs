using ConversationHub.Core.Audit;
using ConversationHub.Core.Identity;
using ConversationHub.Handoff.Admin.Users;
using ConversationHub.Handoff.Programs;
using ConversationHub.Handoff.Programs.Disposal;
using ConversationHub.Handoff.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Handoff.Pages.Console.Programs;

/// <summary>
/// 個人情報の廃棄: what personal data a program holds, disposal after typing the program's code to confirm, and the
/// disposal record with its evidence CSV. Administrators only; the disposal and each download are audited.
/// </summary>
[Authorize(Roles = HubRoles.Administrator)]
internal sealed class DisposalModel(ProgramCatalog catalog, ProgramDisposal disposal, IAuditLog audit, IStringLocalizer<ProgramDisposalStrings> strings) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "program")]
    public string? Code { get; set; }

    public ProgramDefinition? Program { get; private set; }

    public bool InService { get; private set; }

    public IReadOnlyList<KeyValuePair<string, long>> Holding { get; private set; } = [];

    public ProgramDisposalRecord? Record { get; private set; }

    public IReadOnlyDictionary<string, long> Disposed { get; private set; } = new Dictionary<string, long>();

    public IReadOnlyDictionary<string, long> Remaining { get; private set; } = new Dictionary<string, long>();

    public string? Error { get; private set; }

    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string? confirm, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
            return NotFound();
        if (!string.Equals(confirm?.Trim(), Program!.Code, StringComparison.Ordinal))
        {
            Error = strings["Confirm_Mismatch"];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var actor = StaffActor.Of(HttpContext);
        var outcome = await disposal.DisposeAsync(Program, ProgramDisposalTriggers.Console, actor.Id, actor.UserName, cancellationToken);
        (Error, Notice) = outcome switch
        {
            ProgramDisposalOutcome.Disposed => (null, strings["Done"].Value),
            ProgramDisposalOutcome.AlreadyDisposed => (null, strings["AlreadyDisposed"].Value),
            _ => (strings["StillInService", Program.ServiceEndsOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)].Value, (string?)null),
        };
        if (Error is not null)
            Response.StatusCode = StatusCodes.Status409Conflict;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetEvidenceAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || Record is null)
            return NotFound();
        var actor = StaffActor.Of(HttpContext);
        await audit.AppendAsync(new AuditRecord(ProgramDisposalAuditActions.EvidenceDownloaded, actor.Id, actor.UserName, "program:" + Program!.Code, FromAddress: actor.FromAddress), cancellationToken);
        var buffer = new MemoryStream();
        await ProgramDisposalEvidence.WriteAsync(buffer, Record, cancellationToken);
        buffer.Position = 0;
        return File(buffer, "text/csv; charset=utf-8", ProgramDisposalEvidence.FileName(Record));
    }

    /// <summary>The Japanese name of a kind of data, or the kind itself when none is written.</summary>
    public string KindName(string kind)
    {
        var name = strings["Kind_" + kind];
        return name.ResourceNotFound ? kind : name.Value;
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Program = string.IsNullOrWhiteSpace(Code) ? null : await catalog.FindByCodeAsync(Code.Trim(), cancellationToken);
        if (Program is null)
            return false;
        InService = catalog.StateToday(Program) is ProgramServiceState.NotStarted or ProgramServiceState.InService;
        Record = await disposal.FindRecordAsync(Program.Id, cancellationToken);
        if (Record is not null)
        {
            Disposed = Record.DisposedCounts();
            Remaining = Record.RemainingCounts();
        }

        Holding = Record?.FinishedAtUtc is null ? await disposal.CountAsync(Program.Id, cancellationToken) : [];
        return true;
    }
}
