using ConversationHub.Core.Identity;
using ConversationHub.Core.Persistence;
using ConversationHub.Handoff.Admin.Teams;
using ConversationHub.Handoff.Admin.Users;
using ConversationHub.Handoff.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Handoff.Pages.Console.Admin;

/// <summary>チーム・グループ: create, rename and delete teams, and add or remove their members by staff id.</summary>
[Authorize(Roles = HubRoles.Administrator)]
internal sealed class TeamsModel(TeamDirectory directory, HubDbContext hub, IStringLocalizer<AdminUserStrings> strings) : PageModel
{
    public IReadOnlyList<TeamView> Teams { get; private set; } = [];

    /// <summary>Members' staff id and display name, by user id.</summary>
    public IReadOnlyDictionary<Guid, (string UserName, string DisplayName)> People { get; private set; } = new Dictionary<Guid, (string, string)>();

    public string? Error { get; private set; }

    public string? Notice { get; private set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public Task<IActionResult> OnPostCreateAsync(string? name, CancellationToken cancellationToken) =>
        DoAsync(actor => directory.CreateAsync(actor, name, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostRenameAsync(Guid id, string? name, CancellationToken cancellationToken) =>
        DoAsync(actor => directory.RenameAsync(actor, id, name, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken) =>
        DoAsync(actor => directory.DeleteAsync(actor, id, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostAddMemberAsync(Guid id, string? staff, CancellationToken cancellationToken) =>
        DoAsync(async actor =>
        {
            var needle = staff?.Trim().ToUpperInvariant() ?? "";
            var user = await hub.Users.AsNoTracking().Where(u => u.NormalizedUserName == needle).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(cancellationToken);
            if (user is null)
                return strings["Error_MemberUnknown", staff?.Trim() ?? ""];
            var team = (await directory.ListAsync(cancellationToken)).FirstOrDefault(t => t.Id == id);
            return team is null ? strings["Error_TeamNotFound"] : await directory.SetMembersAsync(actor, id, [.. team.Members.Append(user.Value).Distinct()], cancellationToken);
        }, cancellationToken);

    public Task<IActionResult> OnPostRemoveMemberAsync(Guid id, Guid member, CancellationToken cancellationToken) =>
        DoAsync(async actor =>
        {
            var team = (await directory.ListAsync(cancellationToken)).FirstOrDefault(t => t.Id == id);
            return team is null ? strings["Error_TeamNotFound"] : await directory.SetMembersAsync(actor, id, [.. team.Members.Where(m => m != member)], cancellationToken);
        }, cancellationToken);

    private async Task<IActionResult> DoAsync(Func<StaffActor, Task<string?>> change, CancellationToken cancellationToken)
    {
        Error = await change(StaffActor.Of(HttpContext));
        Notice = Error is null ? strings["Teams_Done"].Value : null;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Teams = await directory.ListAsync(cancellationToken);
        var ids = Teams.SelectMany(t => t.Members).Distinct().ToList();
        People = await hub.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => (u.UserName!, u.DisplayName), cancellationToken);
    }
}
