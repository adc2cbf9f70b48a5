using System.Net.Mail;
using System.Text.RegularExpressions;
using ConversationHub.Core.Identity;
using ConversationHub.Core.Persistence;
using ConversationHub.Handoff.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Handoff.Admin.Users;

/// <summary>
/// What a staff account may hold, checked before anything is written (the form and every row of a CSV import go
/// through the same rules): a staff id of ASCII letters, digits and <c>. _ - @ +</c> (Identity's default set) that starts
/// with a letter or digit, so a spreadsheet never reads it as a formula; a display name; an optional e-mail address; at
/// least one known role; a department for department staff and approvers; a password that obeys the sign-in policy.
/// </summary>
internal sealed partial class StaffAccountRules(UserManager<HubUser> users, HubDbContext db, IStringLocalizer<AdminUserStrings> strings)
{
    public const int MaxUserNameLength = 64;
    public const int MaxDisplayNameLength = 100;
    public const int MaxEmailLength = 256;

    /// <summary>The roles that work for one department and so need one.</summary>
    public static IReadOnlyList<string> DepartmentRoles { get; } = [HubRoles.DepartmentStaff, HubRoles.Approver];

    /// <summary>The reasons <paramref name="input"/> cannot be saved on <paramref name="existing"/> (null: a new account).</summary>
    public async Task<List<StaffAccountError>> CheckAsync(StaffAccountInput input, HubUser? existing, string? password, CancellationToken cancellationToken)
    {
        var errors = new List<StaffAccountError>();
        var userName = input.UserName?.Trim() ?? "";
        if (existing is null)
        {
            if (userName.Length == 0)
                errors.Add(new("UserName", strings["Error_UserNameRequired"]));
            else if (userName.Length > MaxUserNameLength || !UserNamePattern().IsMatch(userName))
                errors.Add(new("UserName", strings["Error_UserNameFormat", MaxUserNameLength]));
            else if (await users.FindByNameAsync(userName) is not null)
                errors.Add(new("UserName", strings["Error_UserNameTaken", userName]));
        }

        var displayName = input.DisplayName?.Trim() ?? "";
        if (displayName.Length == 0)
            errors.Add(new("DisplayName", strings["Error_DisplayNameRequired"]));
        else if (displayName.Length > MaxDisplayNameLength)
            errors.Add(new("DisplayName", strings["Error_DisplayNameLength", MaxDisplayNameLength]));

        if (input.Email?.Trim() is { Length: > 0 } email && (email.Length > MaxEmailLength || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email))
            errors.Add(new("Email", strings["Error_Email"]));

        if (input.Roles.Count == 0)
            errors.Add(new("Roles", strings["Error_RolesRequired"]));
        else if (input.Roles.FirstOrDefault(r => !HubRoles.All.Contains(r, StringComparer.Ordinal)) is { } unknown)
            errors.Add(new("Roles", strings["Error_RoleUnknown", unknown]));

        if (input.DepartmentId is { } departmentId)
        {
            if (!await db.Departments.AnyAsync(d => d.Id == departmentId, cancellationToken))
                errors.Add(new("DepartmentId", strings["Error_DepartmentUnknown"]));
        }
        else if (input.Roles.Any(DepartmentRoles.Contains))
        {
            errors.Add(new("DepartmentId", strings["Error_DepartmentRequired"]));
        }

        if (password is not null)
            errors.AddRange(await CheckPasswordAsync(existing ?? new HubUser { UserName = userName }, password));
        return errors;
    }

    /// <summary>The sign-in policy's complaints about <paramref name="password"/> (Identity's validators, in Japanese).</summary>
    public async Task<List<StaffAccountError>> CheckPasswordAsync(HubUser user, string password)
    {
        var errors = new List<StaffAccountError>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            errors.AddRange(result.Errors.Select(e => new StaffAccountError("Password", e.Description)));
        }

        return errors;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._@+-]*$")]
    private static partial Regex UserNamePattern();
}
