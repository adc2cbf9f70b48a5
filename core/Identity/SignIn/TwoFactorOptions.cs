using Microsoft.Extensions.Options;

namespace ConversationHub.Core.Identity.SignIn;

/// <summary>
/// The <c>Security:TwoFactor</c> section: which roles must sign in with an authenticator app (two-factor).
/// </summary>
public sealed class TwoFactorOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Security:TwoFactor";

    /// <summary>
    /// Roles whose members must enrol an authenticator app before they can use the staff area. Administrator is always
    /// among them (the issue requires it of administrators; a configured list adds to it, it cannot remove it). Role
    /// names as in <see cref="HubRoles"/>; an unknown name stops the start.
    /// </summary>
    public List<string> RequiredRoles { get; set; } = [HubRoles.Administrator];

    /// <summary>Whether a member of <paramref name="roles"/> must use two-factor sign-in.</summary>
    public bool IsRequiredFor(IEnumerable<string> roles) => roles.Any(r => RequiredRoles.Contains(r, StringComparer.Ordinal));
}

internal sealed class TwoFactorOptionsValidator : IValidateOptions<TwoFactorOptions>
{
    public ValidateOptionsResult Validate(string? name, TwoFactorOptions options)
    {
        var unknown = options.RequiredRoles.Where(r => !HubRoles.All.Contains(r, StringComparer.Ordinal)).ToList();
        return unknown.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{TwoFactorOptions.SectionName}:RequiredRoles has names that are not roles ({string.Join(", ", unknown)}); the roles are {string.Join(", ", HubRoles.All)}.");
    }
}
