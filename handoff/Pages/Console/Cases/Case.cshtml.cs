using ConversationHub.Core.Audit;
using System.Globalization;
using System.Security.Claims;
using ConversationHub.Core.Calendar;
using ConversationHub.Core.Persistence;
using ConversationHub.Handoff.Apis;
using ConversationHub.Handoff.Cases;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Handoff.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Handoff.Pages.Console.Cases;

/// <summary>
/// One case (<c>/console/cases/{id}</c>): its fields, status, assignment, notes, escalation and the department's steps,
/// replies with approval, the timeline and the history. Every form posts to a handler here that calls the desk or the
/// workflow as the signed-in actor: the services decide, so a refused action shows their Japanese reason and changes
/// nothing. A case the actor may not see is 404, as in the API. Success redirects (post/redirect/get) with a notice.
/// </summary>
[Authorize(Roles = CaseConsole.Roles)]
internal sealed class CaseDetailModel(
    CaseActors actors, CaseQueries queries, CaseDesk desk, CaseWorkflow workflow, CaseCallbacks callbacks, HandoffDbContext db, HubDbContext hub,
    IConfiguration configuration, IStringLocalizer<HandoffStrings> strings) : PageModel
{
    /// <summary>The notices a redirect may ask for (<c>?done=</c>); anything else shows nothing.</summary>
    private static readonly HashSet<string> Notices = new(StringComparer.Ordinal)
    {
        "created", "save", "status", "assign", "note", "escalate", "infoRequest", "handBack", "departmentMessage", "reply", "approve", "reject",
        "dial", "redial", "redialClear",
    };

    public CaseView View { get; private set; } = null!;

    public CaseCatalogSnapshot Catalog { get; private set; } = null!;

    public CaseForm Form { get; private set; } = CaseForm.Empty;

    /// <summary>The version the case form carries (the one read; kept from the post when a save was invalid).</summary>
    public int FormVersion { get; private set; }

    /// <summary>Which form failed (save, note, escalate …); its inputs are shown again as posted.</summary>
    public string? Failed { get; private set; }

    /// <summary>The failed form's field errors, by the services' keys.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    /// <summary>Why the action was refused (the services' reason), shown at the top.</summary>
    public string? Alert { get; private set; }

    public IReadOnlyDictionary<string, string> ScriptTexts => CaseConsole.ScriptTexts(strings);

    /// <summary>What the last action did.</summary>
    public string? Notice { get; private set; }

    public IReadOnlyList<CaseDepartmentGroup> Departments { get; private set; } = [];

    public IReadOnlyList<CaseChoice> Staff { get; private set; } = [];

    /// <summary>The reply form's subject and body after a template was filled in by the server.</summary>
    public (string? Subject, string? Body) Filled { get; private set; }

    public bool IsCenter { get; private set; }

    /// <summary>The signed-in staff member (the re-dial form's default 担当者).</summary>
    public string? CurrentUserId => User.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>A UTC instant as a <c>datetime-local</c> value in JST.</summary>
    public static string LocalInput(DateTime utc) =>
        JapanTime.ToJapan(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc))).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    /// <summary>A posted value of the failed form (to keep what was typed), else null.</summary>
    public string? Posted(string form, string name) =>
        Failed == form && Request.HasFormContentType ? Request.Form[name].ToString() : null;

    /// <summary>All posted values of a checkbox group of the failed form.</summary>
    public IReadOnlyList<string> PostedAll(string form, string name) =>
        Failed == form && Request.HasFormContentType ? [.. Request.Form[name].Select(v => v ?? "")] : [];

    public string? ErrorOf(string form, string key) =>
        Failed == form && Errors.TryGetValue(key, out var messages) && messages.Length > 0 ? string.Join(" ", messages) : null;

    public async Task<IActionResult> OnGetAsync(Guid id, string? done, CancellationToken cancellationToken)
    {
        var actor = await actors.OfAsync(User, cancellationToken);
        if (actor is null)
        {
            return Forbid();
        }

        if (done is not null && Notices.Contains(done))
        {
            Notice = strings["CasesUi_Done_" + done];
        }

        if (!await LoadAsync(actor, id, cancellationToken))
        {
            return NotFound();
        }

        await HttpContext.AuditAsync(AuditActions.CaseViewed, "case:" + id);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid id, int version, CancellationToken cancellationToken)
    {
        var catalog = await CaseCatalogSnapshot.LoadAsync(db, cancellationToken);
        var (input, categoryError) = CaseForm.FromRequest(Request.Form).ToInput(catalog);
        FormVersion = version;
        return await RunAsync(id, "save", actor => categoryError is not null
            ? Task.FromResult(CaseOutcome.Invalid(new Dictionary<string, string[]> { [categoryError] = [strings["Cases_Error_UnknownCategory"].Value] }))
            : desk.UpdateAsync(actor, id, version, input, cancellationToken), cancellationToken);
    }

    public Task<IActionResult> OnPostStatusAsync(Guid id, string? status, CancellationToken cancellationToken) =>
        Enum.TryParse<CaseStatus>(status, out var target) && Enum.IsDefined(target) && !int.TryParse(status, out _)
            ? RunAsync(id, "status", actor => desk.SetStatusAsync(actor, id, target, cancellationToken), cancellationToken)
            : RunAsync(id, "status", _ => Task.FromResult(CaseOutcome.Invalid(new Dictionary<string, string[]> { ["status"] = [strings["Cases_Error_Status"].Value] })), cancellationToken);

    public Task<IActionResult> OnPostAssignAsync(Guid id, string? assigneeId, string? team, CancellationToken cancellationToken)
    {
        Guid? assignee = Guid.TryParse(assigneeId, out var parsed) ? parsed : null;
        return assignee is null && !string.IsNullOrEmpty(assigneeId)
            ? RunAsync(id, "assign", _ => Task.FromResult(CaseOutcome.Invalid(new Dictionary<string, string[]> { ["assigneeId"] = [strings["Cases_Error_UnknownAssignee"].Value] })), cancellationToken)
            : RunAsync(id, "assign", actor => desk.AssignAsync(actor, id, assignee, team, cancellationToken), cancellationToken);
    }

    public Task<IActionResult> OnPostNoteAsync(Guid id, string? text, CancellationToken cancellationToken) =>
        RunAsync(id, "note", actor => desk.AddNoteAsync(actor, id, text, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostEscalateAsync(Guid id, string? departmentId, string[]? reasons, string? message, CancellationToken cancellationToken) =>
        RunAsync(id, "escalate", actor => workflow.EscalateAsync(actor, id, Guid.TryParse(departmentId, out var department) ? department : Guid.Empty, reasons, message, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostInfoRequestAsync(Guid id, string? text, CancellationToken cancellationToken) =>
        RunAsync(id, "infoRequest", actor => workflow.RequestInfoAsync(actor, id, text, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostHandBackAsync(Guid id, string? text, CancellationToken cancellationToken) =>
        RunAsync(id, "handBack", actor => workflow.HandBackAsync(actor, id, text, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostDepartmentMessageAsync(Guid id, string? text, CancellationToken cancellationToken) =>
        RunAsync(id, "departmentMessage", actor => workflow.MessageDepartmentAsync(actor, id, text, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostReplyAsync(Guid id, string? to, string? subject, string? body, CancellationToken cancellationToken) =>
        RunAsync(id, "reply", actor => workflow.SubmitReplyAsync(actor, id, to, subject, body, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostApproveAsync(Guid id, Guid replyId, CancellationToken cancellationToken) =>
        RunAsync(id, "approve", actor => workflow.ApproveAsync(actor, id, replyId, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostRejectAsync(Guid id, Guid replyId, string? reason, CancellationToken cancellationToken) =>
        RunAsync(id, "reject-" + replyId, actor => workflow.RejectAsync(actor, id, replyId, reason, cancellationToken), cancellationToken);

    /// <summary>「折り返し電話（架電）」.</summary>
    public Task<IActionResult> OnPostDialAsync(Guid id, CancellationToken cancellationToken) =>
        RunAsync(id, "dial", actor => callbacks.DialAsync(actor, id, cancellationToken), cancellationToken);

    /// <summary>The re-dial reservation; <paramref name="dueAt"/> is the form's <c>datetime-local</c> value, in JST.</summary>
    public Task<IActionResult> OnPostRedialAsync(Guid id, string? dueAt, string? byId, string? note, CancellationToken cancellationToken)
    {
        DateTime? due = DateTime.TryParseExact(dueAt, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? JapanTime.At(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local)).UtcDateTime
            : null;
        Guid? by = Guid.TryParse(byId, out var parsed) ? parsed : null;
        return RunAsync(id, "redial", actor => callbacks.ReserveAsync(actor, id, due, by, note, cancellationToken), cancellationToken);
    }

    public Task<IActionResult> OnPostRedialClearAsync(Guid id, CancellationToken cancellationToken) =>
        RunAsync(id, "redialClear", actor => callbacks.ClearReservationAsync(actor, id, cancellationToken), cancellationToken);

    /// <summary>The reply form without script: the chosen template, filled in like the API's, replaces subject and body.</summary>
    public async Task<IActionResult> OnPostTemplateAsync(Guid id, Guid? templateId, CancellationToken cancellationToken)
    {
        var actor = await actors.OfAsync(User, cancellationToken);
        if (actor is null)
        {
            return Forbid();
        }

        if (!await LoadAsync(actor, id, cancellationToken))
        {
            return NotFound();
        }

        Failed = "reply";
        if (Catalog.Templates.FirstOrDefault(t => t.Id == templateId) is { } template)
        {
            var filled = CasesApi.Fill(template, View.Number, View.ContactName, configuration, strings);
            Filled = (filled.Subject, filled.Body);
        }
        else
        {
            Errors = new Dictionary<string, string[]> { ["templateId"] = [strings["CasesUi_TemplateMissing"].Value] };
        }

        return Page();
    }

    private async Task<IActionResult> RunAsync(Guid id, string form, Func<CaseActor, Task<CaseOutcome>> command, CancellationToken cancellationToken)
    {
        var actor = await actors.OfAsync(User, cancellationToken);
        if (actor is null)
        {
            return Forbid();
        }

        var outcome = await command(actor);
        if (outcome.Succeeded)
        {
            var done = form.StartsWith("reject-", StringComparison.Ordinal) ? "reject" : form;
            return LocalRedirect($"/console/cases/{id}?done={done}");
        }

        if (outcome.Error == CaseError.NotFound && !await LoadAsync(actor, id, cancellationToken))
        {
            return NotFound();
        }

        Failed = form;
        Errors = outcome.Errors ?? new Dictionary<string, string[]>();
        Alert = outcome.Error switch
        {
            CaseError.Forbidden => strings["CasesUi_Error_Forbidden"],
            CaseError.Stale => strings["CasesUi_Error_Stale"],
            CaseError.Invalid => strings["Cases_Error_Invalid"],
            CaseError.NotFound => strings["CasesUi_Error_ReplyNotFound"],
            _ => outcome.Message ?? strings["CasesUi_Error_NotNow"],
        };
        var keepVersion = form == "save" && outcome.Error != CaseError.Stale;
        var posted = FormVersion;
        if (!await LoadAsync(actor, id, cancellationToken))
        {
            return NotFound();
        }

        if (form == "save")
        {
            // What was typed stays; after a stale save the form carries the current version, so saving again is a
            // deliberate overwrite made after the warning (and the history shows what the other person changed).
            Form = CaseForm.FromRequest(Request.Form);
            FormVersion = keepVersion ? posted : View.Version;
        }

        return Page();
    }

    private async Task<bool> LoadAsync(CaseActor actor, Guid id, CancellationToken cancellationToken)
    {
        var view = await queries.GetAsync(actor, id, cancellationToken);
        if (view is null)
        {
            return false;
        }

        View = view;
        IsCenter = actor.DepartmentId is null;
        Catalog = await CaseCatalogSnapshot.LoadAsync(db, cancellationToken);
        Form = CaseForm.FromView(view);
        FormVersion = view.Version;
        if (view.Can.Escalate)
        {
            Departments = await CaseConsole.DepartmentGroupsAsync(hub, null, cancellationToken);
        }

        if (view.Can.Edit || view.Callback is { Shown: true })
        {
            Staff = await CaseConsole.StaffAsync(hub, actor, view.DepartmentId, cancellationToken);
        }

        return true;
    }

    /// <summary>The status moves a person may make from here (対応開始, 完了, 再開).</summary>
    public IEnumerable<(CaseStatus Target, string LabelKey)> StatusMoves()
    {
        if (!View.Can.SetStatus)
        {
            yield break;
        }

        if (CaseStatusRules.CanSetByHand(View.Status, CaseStatus.InProgress))
        {
            yield return (CaseStatus.InProgress, View.Status == CaseStatus.New ? "CasesUi_Status_Start" : "CasesUi_Status_Reopen");
        }

        if (CaseStatusRules.CanSetByHand(View.Status, CaseStatus.Completed))
        {
            yield return (CaseStatus.Completed, "CasesUi_Status_Complete");
        }
    }
}
