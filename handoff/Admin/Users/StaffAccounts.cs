using ConversationHub.Core.Audit;
using ConversationHub.Core.Identity;
using ConversationHub.Core.Persistence;
using ConversationHub.Handoff.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Handoff.Admin.Users;

/// <summary>
/// The administrators' changes to staff accounts through Identity's <see cref="UserManager{TUser}"/>: create, edit,
/// disable, enable and reset the password. Each change is checked first and written in one transaction; the audit
/// entries (Target <c>user:&lt;staff id&gt;</c>; one <c>role.granted</c>/<c>role.removed</c> per role, Detail the role
/// name) are appended once it is committed, so a refused change leaves no trace but its error.
/// </summary>
internal sealed class StaffAccounts(
    UserManager<HubUser> users, HubDbContext db, StaffAccountRules rules, IAuditLog audit, TimeProvider time, IStringLocalizer<AdminUserStrings> strings)
{
    public static string TargetOf(string userName) => "user:" + userName;

    public async Task<StaffAccountResult> CreateAsync(StaffActor actor, StaffAccountInput input, string? password, CancellationToken cancellationToken)
    {
        var (account, errors) = await PrepareAsync(input, password, cancellationToken);
        return account is null ? new StaffAccountResult(errors) : await InTransactionAsync(actor, log => CreateInAsync(account, log), cancellationToken);
    }

    public Task<StaffAccountResult> UpdateAsync(StaffActor actor, Guid id, StaffAccountInput input, CancellationToken cancellationToken) =>
        InTransactionAsync(actor, async log => await users.FindByIdAsync(id.ToString()) is { } user
            ? await UpdateInAsync(actor, user, input, log, cancellationToken)
            : NotFound(), cancellationToken);

    /// <summary>Disables the account and changes its security stamp, so its open sessions end; never deletes it.</summary>
    public async Task<StaffAccountResult> DisableAsync(StaffActor actor, Guid id, CancellationToken cancellationToken)
    {
        if (id == actor.Id)
            return StaffAccountResult.Fail("", strings["Error_DisableSelf"]);
        if (await users.FindByIdAsync(id.ToString()) is not { } user)
            return NotFound();
        if (user.IsDisabled)
            return StaffAccountResult.Fail("", strings["Error_AlreadyDisabled"]);

        user.DisabledAtUtc = user.ChangedAtUtc = Now;
        // UpdateSecurityStampAsync saves the account too: one write.
        var saved = await users.UpdateSecurityStampAsync(user);
        if (!saved.Succeeded)
            return Failed(saved);
        await AppendAsync(actor, [new(AuditActions.UserDisabled, Target: TargetOf(user.UserName!))], cancellationToken);
        return StaffAccountResult.Done(user.Id);
    }

    public async Task<StaffAccountResult> EnableAsync(StaffActor actor, Guid id, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(id.ToString()) is not { } user)
            return NotFound();
        if (!user.IsDisabled)
            return StaffAccountResult.Fail("", strings["Error_AlreadyEnabled"]);

        user.DisabledAtUtc = null;
        user.ChangedAtUtc = Now;
        var saved = await users.UpdateAsync(user);
        if (!saved.Succeeded)
            return Failed(saved);
        await AppendAsync(actor, [new(AuditActions.UserEnabled, Target: TargetOf(user.UserName!))], cancellationToken);
        return StaffAccountResult.Done(user.Id);
    }

    /// <summary>
    /// Sets a new password (typed, or generated when <paramref name="password"/> is empty and handed back once), which
    /// the user must change at the next sign-in; clears a lockout and ends the user's sessions.
    /// </summary>
    public async Task<StaffAccountResult> ResetPasswordAsync(StaffActor actor, Guid id, string? password, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(id.ToString()) is not { } user)
            return NotFound();
        var generated = string.IsNullOrEmpty(password) ? StaffPasswordGenerator.Generate() : null;
        var newPassword = generated ?? password!;
        if (await rules.CheckPasswordAsync(user, newPassword) is { Count: > 0 } errors)
            return new StaffAccountResult(errors);

        var token = await users.GeneratePasswordResetTokenAsync(user);
        user.MustChangePassword = true;
        user.ChangedAtUtc = Now;
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        // One write: the new hash, the flags above and a new security stamp.
        var reset = await users.ResetPasswordAsync(user, token, newPassword);
        if (!reset.Succeeded)
            return Failed(reset);
        await AppendAsync(actor, [new(AuditActions.PasswordReset, Target: TargetOf(user.UserName!))], cancellationToken);
        return StaffAccountResult.Done(user.Id, generated);
    }

    /// <summary>
    /// Runs <paramref name="change"/> in one transaction, committed only when it succeeds; then appends the audit
    /// entries it collected (the audit log writes on its own connection, so not while this one holds the write lock).
    /// </summary>
    public async Task<StaffAccountResult> InTransactionAsync(StaffActor actor, Func<List<AuditRecord>, Task<StaffAccountResult>> change, CancellationToken cancellationToken)
    {
        var log = new List<AuditRecord>();
        var strategy = db.Database.CreateExecutionStrategy();
        var result = await strategy.ExecuteAsync(async () =>
        {
            log.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var outcome = await change(log);
            if (outcome.Succeeded)
            {
                await transaction.CommitAsync(cancellationToken);
            }
            else
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }

            return outcome;
        });
        if (result.Succeeded)
            await AppendAsync(actor, log, cancellationToken);
        return result;
    }

    /// <summary>
    /// Checks a new account and hashes its password, outside any transaction. PERF: hashing (PBKDF2) takes tens of
    /// milliseconds of CPU per account; done under a transaction it would hold SQLite's write lock through a 300-row
    /// import long enough for the platform's other writers to give up ('database is locked').
    /// </summary>
    public async Task<(PreparedAccount? Account, List<StaffAccountError> Errors)> PrepareAsync(StaffAccountInput input, string? password, CancellationToken cancellationToken)
    {
        var generated = string.IsNullOrEmpty(password) ? StaffPasswordGenerator.Generate() : null;
        var initial = generated ?? password!;
        if (await rules.CheckAsync(input, null, initial, cancellationToken) is { Count: > 0 } errors)
            return (null, errors);

        var now = Now;
        var user = new HubUser
        {
            UserName = input.UserName!.Trim(),
            DisplayName = input.DisplayName!.Trim(),
            Email = Blank(input.Email),
            DepartmentId = input.DepartmentId,
            MustChangePassword = true,
            CreatedAtUtc = now,
            ChangedAtUtc = now,
        };
        user.PasswordHash = users.PasswordHasher.HashPassword(user, initial);
        return (new PreparedAccount(user, [.. input.Roles.Distinct(StringComparer.Ordinal)], generated), []);
    }

    /// <summary>Creates a prepared account inside the caller's transaction, audit entries into <paramref name="log"/>.</summary>
    public async Task<StaffAccountResult> CreateInAsync(PreparedAccount account, List<AuditRecord> log)
    {
        var user = account.User;
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
            return Failed(created);
        var granted = await users.AddToRolesAsync(user, account.Roles);
        if (!granted.Succeeded)
            return Failed(granted);

        var target = TargetOf(user.UserName!);
        log.Add(new(AuditActions.UserCreated, Target: target));
        log.AddRange(account.Roles.Select(r => new AuditRecord(AuditActions.RoleGranted, Target: target, Detail: r)));
        return StaffAccountResult.Done(user.Id, account.GeneratedPassword);
    }

    /// <summary>Changes display name, e-mail, department and roles inside the caller's transaction.</summary>
    public async Task<StaffAccountResult> UpdateInAsync(StaffActor actor, HubUser user, StaffAccountInput input, List<AuditRecord> log, CancellationToken cancellationToken)
    {
        if (await rules.CheckAsync(input, user, null, cancellationToken) is { Count: > 0 } errors)
            return new StaffAccountResult(errors);
        var wanted = input.Roles.Distinct(StringComparer.Ordinal).ToList();
        if (user.Id == actor.Id && !wanted.Contains(HubRoles.Administrator, StringComparer.Ordinal))
            return StaffAccountResult.Fail("Roles", strings["Error_RemoveOwnAdministrator"]);

        var changed = new List<string>();
        var displayName = input.DisplayName!.Trim();
        var email = Blank(input.Email);
        if (user.DisplayName != displayName)
        {
            user.DisplayName = displayName;
            changed.Add("display_name");
        }

        if (user.Email != email)
        {
            user.Email = email;
            changed.Add("email");
        }

        if (user.DepartmentId != input.DepartmentId)
        {
            user.DepartmentId = input.DepartmentId;
            changed.Add("department");
        }

        var current = await users.GetRolesAsync(user);
        var granted = wanted.Except(current, StringComparer.Ordinal).ToList();
        var removed = current.Except(wanted, StringComparer.Ordinal).ToList();
        if (changed.Count == 0 && granted.Count == 0 && removed.Count == 0)
            return StaffAccountResult.Done(user.Id);

        user.ChangedAtUtc = Now;
        if (changed.Contains("email"))
            await users.UpdateNormalizedEmailAsync(user);
        var outcome = await users.UpdateAsync(user);
        if (outcome.Succeeded && granted.Count > 0)
            outcome = await users.AddToRolesAsync(user, granted);
        if (outcome.Succeeded && removed.Count > 0)
            outcome = await users.RemoveFromRolesAsync(user, removed);
        // Fewer rights or another department take effect now: open sessions end and sign in again.
        if (outcome.Succeeded && (removed.Count > 0 || changed.Contains("department")))
            outcome = await users.UpdateSecurityStampAsync(user);
        if (!outcome.Succeeded)
            return Failed(outcome);

        var target = TargetOf(user.UserName!);
        if (changed.Count > 0)
            log.Add(new(AuditActions.UserChanged, Target: target, Detail: string.Join(',', changed)));
        log.AddRange(granted.Select(r => new AuditRecord(AuditActions.RoleGranted, Target: target, Detail: r)));
        log.AddRange(removed.Select(r => new AuditRecord(AuditActions.RoleRemoved, Target: target, Detail: r)));
        return StaffAccountResult.Done(user.Id);
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private StaffAccountResult NotFound() => StaffAccountResult.Fail("", strings["Error_NotFound"]);

    private static StaffAccountResult Failed(IdentityResult result) =>
        new([.. result.Errors.Select(e => new StaffAccountError("", e.Description))]);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private async Task AppendAsync(StaffActor actor, IEnumerable<AuditRecord> records, CancellationToken cancellationToken)
    {
        foreach (var record in records)
        {
            await audit.AppendAsync(record with { ActorId = actor.Id, ActorName = actor.UserName, FromAddress = actor.FromAddress }, cancellationToken);
        }
    }
}
