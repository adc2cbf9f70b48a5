using ConversationHub.Core.Audit;
using ConversationHub.Core.Identity;
using ConversationHub.Core.Identity.SignIn;
using ConversationHub.Core.Organisation;
using ConversationHub.Core.Persistence;
using ConversationHub.Handoff.Admin.Teams;
using ConversationHub.Handoff.Admin.Users;
using ConversationHub.Handoff.Agents;
using ConversationHub.Handoff.Chats;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Handoff.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Handoff.Pages.Console.Admin;

/// <summary>
/// One staff account: create it (no <c>staff</c>) or edit it (<c>?staff=&lt;staff id&gt;</c>): details and roles, state
/// (disable, enable), password reset, the routing profile of agents, and team membership. Each form posts to its own
/// handler; a password the system chose is shown on the answer to that post only, never stored in the clear.
/// </summary>
[Authorize(Roles = HubRoles.Administrator)]
internal sealed class UserEditModel(
    StaffAccounts accounts, StaffDirectory directory, TeamDirectory teams, ChatDesk desk, HubDbContext hub, HandoffDbContext handoff,
    UserManager<HubUser> users, IStringLocalizer<AdminUserStrings> strings) : PageModel
{
    /// <summary>The languages an agent can be given (the call menu's, in its order).</summary>
    public static IReadOnlyList<string> LanguageChoices { get; } = ["ja", "en", "zh", "ko", "es", "pt"];

    [BindProperty(SupportsGet = true)]
    public string? Staff { get; set; }

    [BindProperty]
    public UserAccountForm Form { get; set; } = new();

    [BindProperty]
    public UserProfileForm Profile { get; set; } = new();

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public List<Guid> TeamIds { get; set; } = [];

    public StaffRow? Account { get; private set; }

    public IReadOnlyList<Department> Departments { get; private set; } = [];

    public IReadOnlyList<TeamView> Teams { get; private set; } = [];

    public List<StaffAccountError> Errors { get; } = [];

    public string? Notice { get; private set; }

    public string? GeneratedPassword { get; private set; }

    /// <summary>Whether the account takes chats, so its routing profile is offered.</summary>
    public bool IsAgent => Account?.Roles.Any(r => r is HubRoles.Operator or HubRoles.Supervisor) == true;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(fillForms: true, cancellationToken))
            return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(fillForms: false, cancellationToken))
            return NotFound();
        var input = new StaffAccountInput(Account?.UserName ?? Form.UserName, Form.DisplayName, Form.Email, Form.Roles, Form.DepartmentId);
        var result = Account is null
            ? await accounts.CreateAsync(StaffActor.Of(HttpContext), input, Form.Password, cancellationToken)
            : await accounts.UpdateAsync(StaffActor.Of(HttpContext), Account.Id, input, cancellationToken);
        if (!result.Succeeded)
        {
            Errors.AddRange(result.Errors);
            return Page();
        }

        var created = Account is null;
        Staff = input.UserName!.Trim();
        await LoadAsync(fillForms: true, cancellationToken);
        Notice = created ? strings["Created", Staff] : strings["Saved"];
        GeneratedPassword = result.GeneratedPassword;
        return Page();
    }

    public Task<IActionResult> OnPostDisableAsync(CancellationToken cancellationToken) =>
        ActAsync((actor, id) => accounts.DisableAsync(actor, id, cancellationToken), strings["Disabled"], cancellationToken);

    public Task<IActionResult> OnPostEnableAsync(CancellationToken cancellationToken) =>
        ActAsync((actor, id) => accounts.EnableAsync(actor, id, cancellationToken), strings["Enabled"], cancellationToken);

    public Task<IActionResult> OnPostResetAsync(CancellationToken cancellationToken) =>
        ActAsync((actor, id) => accounts.ResetPasswordAsync(actor, id, NewPassword, cancellationToken), strings["Reset_Done"], cancellationToken);

    /// <summary>
    /// A lost or replaced phone: two-factor sign-in off, a new key, no recovery codes; the member enrols again at the next
    /// sign-in where a role requires it (the security stamp changes, so open sessions end).
    /// </summary>
    public async Task<IActionResult> OnPostTwoFactorResetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(fillForms: true, cancellationToken) || Account is null)
            return NotFound();
        if (await users.FindByIdAsync(Account.Id.ToString()) is not { } user)
            return NotFound();
        await TwoFactorReset.ResetAsync(users, user);
        await HttpContext.AuditAsync(AuditActions.TwoFactorChanged, StaffAccounts.TargetOf(Account.UserName), "reset by administrator");
        await LoadAsync(fillForms: true, cancellationToken);
        Notice = strings["TwoFactor_ResetDone"];
        return Page();
    }

    /// <summary>The routing profile, checked and written by the same rules and code as the supervisors' API.</summary>
    public async Task<IActionResult> OnPostProfileAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(fillForms: false, cancellationToken) || Account is null)
            return NotFound();
        var categories = Profile.CategoryList();
        var invalid = AgentProfileRules.Validate(Profile.MaxChats, categories, Profile.Languages, Profile.PhoneTarget);
        if (invalid.Count > 0)
        {
            Errors.AddRange(invalid.Keys.Select(k => new StaffAccountError("Profile_" + k, strings["Profile_Error_" + k])));
            FillAccountForm();
            return Page();
        }

        await desk.ApplyProfileAsync(StaffActor.Of(HttpContext).Id, Account.Id, Profile.MaxChats, categories, Profile.Languages, Profile.PhoneTarget, cancellationToken);
        await HttpContext.AuditAsync(AuditActions.UserChanged, StaffAccounts.TargetOf(Account.UserName), "routing_profile");
        await LoadAsync(fillForms: true, cancellationToken);
        Notice = strings["Profile_Saved"];
        return Page();
    }

    public async Task<IActionResult> OnPostTeamsAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(fillForms: false, cancellationToken) || Account is null)
            return NotFound();
        var actor = StaffActor.Of(HttpContext);
        foreach (var team in Teams)
        {
            var member = team.Members.Contains(Account.Id);
            var wanted = TeamIds.Contains(team.Id);
            if (member == wanted)
                continue;
            var members = wanted ? [.. team.Members, Account.Id] : team.Members.Where(m => m != Account.Id).ToList();
            if (await teams.SetMembersAsync(actor, team.Id, members, cancellationToken) is { } error)
                Errors.Add(new StaffAccountError("", error));
        }

        await LoadAsync(fillForms: true, cancellationToken);
        if (Errors.Count == 0)
            Notice = strings["UserTeams_Saved"];
        return Page();
    }

    private async Task<IActionResult> ActAsync(Func<StaffActor, Guid, Task<StaffAccountResult>> action, string done, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(fillForms: true, cancellationToken) || Account is null)
            return NotFound();
        var result = await action(StaffActor.Of(HttpContext), Account.Id);
        if (!result.Succeeded)
        {
            Errors.AddRange(result.Errors.Select(e => e with { Field = e.Field is "Password" ? "NewPassword" : e.Field }));
            return Page();
        }

        await LoadAsync(fillForms: true, cancellationToken);
        Notice = done;
        GeneratedPassword = result.GeneratedPassword;
        return Page();
    }

    // False when the staff id names no account.
    private async Task<bool> LoadAsync(bool fillForms, CancellationToken cancellationToken)
    {
        Departments = await hub.Departments.AsNoTracking().OrderBy(d => d.Code).ToListAsync(cancellationToken);
        Teams = await teams.ListAsync(cancellationToken);
        Account = null;
        if (Staff is { Length: > 0 } staff)
        {
            var normalized = staff.Trim().ToUpperInvariant();
            var id = await hub.Users.AsNoTracking().Where(u => u.NormalizedUserName == normalized).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(cancellationToken);
            if (id is null || await directory.OneAsync(id.Value, cancellationToken) is not { } account)
                return false;
            Account = account;
        }

        if (fillForms)
        {
            FillAccountForm();
            var presence = Account is null ? null : await handoff.Agents.AsNoTracking().FirstOrDefaultAsync(a => a.AgentId == Account.Id, cancellationToken);
            Profile = new UserProfileForm
            {
                MaxChats = presence?.MaxChats,
                Categories = string.Join('\n', (presence?.Categories ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries)),
                Languages = [.. (presence?.Languages ?? "ja").Split('|', StringSplitOptions.RemoveEmptyEntries)],
                PhoneTarget = presence?.PhoneTarget,
            };
            TeamIds = Account is null ? [] : [.. Teams.Where(t => t.Members.Contains(Account.Id)).Select(t => t.Id)];
        }

        return true;
    }

    private void FillAccountForm()
    {
        if (Account is { } a)
            Form = new UserAccountForm { UserName = a.UserName, DisplayName = a.DisplayName, Email = a.Email, Roles = [.. a.Roles], DepartmentId = a.DepartmentId };
    }

    /// <summary>The form fields' element ids, for the error summary's links.</summary>
    public static string FieldId(string field) => field switch
    {
        "" => "user-form",
        "Roles" => "f-roles",
        _ => "f-" + field,
    };
}
