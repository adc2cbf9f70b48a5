using System.Text.RegularExpressions;
using ConversationHub.Core.Audit;
using ConversationHub.Core.Identity;
using ConversationHub.Core.Persistence;
using ConversationHub.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.SignIn;

/// <summary>Accounts of one test each (so tests sharing a host never see each other's), and what the sign-in pages show.</summary>
internal static partial class SignInAccounts
{
    /// <summary>A new account with <paramref name="role"/> and the demo password; enrolled when <paramref name="enrol"/> (its key returned).</summary>
    public static async Task<(string UserName, string? Key)> CreateAsync(HubHost host, string role, bool mustChangePassword = false, bool enrol = false)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<HubUser>>();
        var user = new HubUser { UserName = "t-" + Guid.NewGuid().ToString("N")[..10], DisplayName = "試験 利用者", MustChangePassword = mustChangePassword };
        Check(await users.CreateAsync(user, HubHost.DemoPassword));
        Check(await users.AddToRoleAsync(user, role));
        if (!enrol)
            return (user.UserName, null);

        Check(await users.ResetAuthenticatorKeyAsync(user));
        Check(await users.SetTwoFactorEnabledAsync(user, true));
        return (user.UserName, await users.GetAuthenticatorKeyAsync(user));
    }

    public static async Task<HubUser> FindAsync(HubHost host, string userName)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<HubUser>>();
        return await users.FindByNameAsync(userName) ?? throw new InvalidOperationException(userName);
    }

    public static async Task<IReadOnlyList<string>> NewRecoveryCodesAsync(HubHost host, string userName)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<HubUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException(userName);
        return [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 3) ?? Enumerable.Empty<string>()];
    }

    /// <summary>The audit entries about <paramref name="userName"/> (as actor or target), oldest first.</summary>
    public static async Task<List<AuditEntry>> AuditOfAsync(HubHost host, string userName, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        // Names are encrypted at rest, so the filter runs here, not in SQL.
        var entries = await db.AuditLog.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(ct);
        return [.. entries.Where(e => e.ActorName == userName || e.Target == "user:" + userName)];
    }

    /// <summary>The stored token values as the database holds them (encrypted, unless something is wrong).</summary>
    public static async Task<List<string>> RawTokenValuesAsync(HubHost host, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        return await db.Database.SqlQueryRaw<string>("SELECT \"Value\" AS \"Value\" FROM user_tokens WHERE \"Value\" IS NOT NULL").ToListAsync(ct);
    }

    public static Dictionary<string, string> Credentials(string userName, string password = HubHost.DemoPassword) =>
        new(StringComparer.Ordinal) { ["userName"] = userName, ["password"] = password };

    /// <summary>The key the enrolment page shows for typing in, without its grouping spaces.</summary>
    public static string ShownKey(string html) => AuthenticatorKey().Match(html) is { Success: true } m
        ? m.Groups[1].Value.Replace(" ", "", StringComparison.Ordinal)
        : throw new InvalidOperationException("No authenticator key on the page.");

    public static IReadOnlyList<string> ShownRecoveryCodes(string html) =>
        [.. RecoveryCode().Matches(RecoveryList().Match(html).Value).Select(m => m.Groups[1].Value)];

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join(", ", result.Errors.Select(e => e.Code)));
    }

    [GeneratedRegex("id=\"authenticator-key\">([A-Z2-7 ]+)<")]
    private static partial Regex AuthenticatorKey();

    [GeneratedRegex("<ul class=\"codes\" id=\"recovery-codes\">.*?</ul>", RegexOptions.Singleline)]
    private static partial Regex RecoveryList();

    [GeneratedRegex("<li>([^<]+)</li>")]
    private static partial Regex RecoveryCode();
}
