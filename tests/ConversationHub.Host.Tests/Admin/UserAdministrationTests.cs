using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using ConversationHub.Core.Audit;
using ConversationHub.Core.Identity;
using ConversationHub.Core.Persistence;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.Admin;

/// <summary>
/// ユーザー管理 (issue 18) over real HTTP: accounts created, edited, disabled, enabled and reset through the pages, each
/// change in the audit log as the monthly report reads it (Target <c>user:&lt;staff id&gt;</c>, one entry per role); a
/// disabled account cannot sign in; teams; the routing profile; CSV export and import, where one bad row changes nothing.
/// </summary>
public abstract partial class UserAdministrationTests(DatabaseProvider provider)
{
    private const string Edit = "/console/admin/users/edit";

    [Fact]
    public async Task Account_CreateEditDisableEnableReset_AuditedAndSignInFollows()
    {
        // Arrange
        var ct = TestTimeout.Token(240);
        await using var host = await HubHost.StartAsync(provider, new Dictionary<string, string?> { ["Security:SessionRecheck"] = "00:00:01" }, ct);
        using var admin = await host.SignInAsync("admin", ct);
        using var taroSession = host.CreateBrowserClient();

        // Act: a refused create, then a good one with a generated password.
        var refused = await AdminForms.PostAsync(admin, Edit, "save", [("Form.UserName", "taro-01"), ("Form.DisplayName", "山田 太郎"), ("Form.Roles", HubRoles.Approver)], ct);
        var created = await AdminForms.PostAsync(admin, Edit, "save", [("Form.UserName", "taro-01"), ("Form.DisplayName", "山田 太郎"), ("Form.Roles", HubRoles.Operator)], ct);
        var password = GeneratedPassword().Match(created.Body).Groups[1].Value;
        var firstSignIn = await AdminForms.TrySignInAsync(host, "taro-01", password, ct);
        var edited = await AdminForms.PostAsync(admin, Edit + "?staff=taro-01", "save",
            [("Form.DisplayName", "山田 太朗"), ("Form.Email", "taro@example.jp"), ("Form.Roles", HubRoles.Supervisor), ("Form.Roles", HubRoles.FaqEditor)], ct);
        using var signIn = await FormPost.SubmitAsync(taroSession, "/account/login", new Dictionary<string, string>(StringComparer.Ordinal) { ["userName"] = "taro-01", ["password"] = password }, ct);
        using var beforeDisable = await taroSession.GetAsync(new Uri("/console", UriKind.Relative), ct);
        var disabled = await AdminForms.PostAsync(admin, Edit + "?staff=taro-01", "disable", [], ct);
        await Task.Delay(TimeSpan.FromSeconds(2), ct);
        using var afterDisable = await taroSession.GetAsync(new Uri("/console", UriKind.Relative), ct);
        var whileDisabled = await AdminForms.TrySignInAsync(host, "taro-01", password, ct);
        var wrongWhileDisabled = await AdminForms.TrySignInAsync(host, "taro-01", "Wrong-Pass9", ct);
        var enabled = await AdminForms.PostAsync(admin, Edit + "?staff=taro-01", "enable", [], ct);
        var weakReset = await AdminForms.PostAsync(admin, Edit + "?staff=taro-01", "reset", [("NewPassword", "short")], ct);
        var reset = await AdminForms.PostAsync(admin, Edit + "?staff=taro-01", "reset", [("NewPassword", "Reset2026Pass")], ct);
        var afterReset = await AdminForms.TrySignInAsync(host, "taro-01", "Reset2026Pass", ct);
        var oldPassword = await AdminForms.TrySignInAsync(host, "taro-01", password, ct);
        var disableSelf = await AdminForms.PostAsync(admin, Edit + "?staff=admin", "disable", [], ct);
        var dropOwnAdmin = await AdminForms.PostAsync(admin, Edit + "?staff=admin", "save", [("Form.DisplayName", "管理者"), ("Form.Roles", HubRoles.Supervisor)], ct);

        // Assert: the refusal explained (approvers need a department), nothing made.
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("入力内容を確認してください", refused.Body, StringComparison.Ordinal);
        Assert.Contains("所管課職員と承認者には所属を選んでください。", refused.Body, StringComparison.Ordinal);
        Assert.Contains("ユーザー「taro-01」を作成しました。", created.Body, StringComparison.Ordinal);
        Assert.Matches("^(?=.*[A-Z])(?=.*[a-z])(?=.*[0-9]).{14}$", password);
        Assert.True(firstSignIn.SignedIn, "the new account signs in with its generated password");
        Assert.Contains("保存しました。", edited.Body, StringComparison.Ordinal);
        Assert.Contains("アカウントを無効にしました。", disabled.Body, StringComparison.Ordinal);
        Assert.False(HubHost.IsRedirectTo(beforeDisable, "/account/login"), "the session was open before the account was disabled");
        Assert.True(HubHost.IsRedirectTo(afterDisable, "/account/login"), $"the open session ends once the account is disabled: {afterDisable.StatusCode}");
        Assert.False(whileDisabled.SignedIn);
        Assert.Contains("このアカウントは無効になっているため、サインインできません。", whileDisabled.Body, StringComparison.Ordinal);
        Assert.False(wrongWhileDisabled.SignedIn);
        Assert.DoesNotContain("無効になっている", wrongWhileDisabled.Body, StringComparison.Ordinal);
        Assert.Contains("アカウントを有効にしました。", enabled.Body, StringComparison.Ordinal);
        Assert.Contains("パスワードは8文字以上にしてください。", weakReset.Body, StringComparison.Ordinal);
        Assert.Contains("パスワードを再設定しました。", reset.Body, StringComparison.Ordinal);
        Assert.True(afterReset.SignedIn);
        Assert.False(oldPassword.SignedIn);
        Assert.Contains("自分自身のアカウントは無効にできません。", disableSelf.Body, StringComparison.Ordinal);
        Assert.Contains("自分自身の管理者の役割は外せません。", dropOwnAdmin.Body, StringComparison.Ordinal);

        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<HubUser>>();
        var taro = await users.FindByNameAsync("taro-01");
        Assert.NotNull(taro);
        Assert.Equal("山田 太朗", taro.DisplayName);
        Assert.Equal("taro@example.jp", taro.Email);
        Assert.True(taro.MustChangePassword);
        Assert.Null(taro.DisabledAtUtc);
        Assert.NotNull(taro.ChangedAtUtc);
        Assert.Equal([HubRoles.FaqEditor, HubRoles.Supervisor], (await users.GetRolesAsync(taro)).Order(StringComparer.Ordinal));
        Assert.Contains(HubRoles.Administrator, await users.GetRolesAsync((await users.FindByNameAsync("admin"))!));
        Assert.Null((await users.FindByNameAsync("admin"))!.DisabledAtUtc);

        var audit = await scope.ServiceProvider.GetRequiredService<HubDbContext>().AuditLog.AsNoTracking()
            .Where(e => e.Target == "user:taro-01").OrderBy(e => e.Sequence).ToListAsync(ct);
        Assert.All(audit, e => Assert.Equal("admin", e.ActorName));
        Assert.Equal(
            [
                (AuditActions.UserCreated, (string?)null), (AuditActions.RoleGranted, HubRoles.Operator),
                (AuditActions.UserChanged, "display_name,email"), (AuditActions.RoleGranted, HubRoles.Supervisor), (AuditActions.RoleGranted, HubRoles.FaqEditor), (AuditActions.RoleRemoved, HubRoles.Operator),
                (AuditActions.UserDisabled, null), (AuditActions.UserEnabled, null), (AuditActions.PasswordReset, null),
            ],
            audit.Select(e => (e.Action, e.Detail)));
        Assert.DoesNotContain(await scope.ServiceProvider.GetRequiredService<HubDbContext>().AuditLog.AsNoTracking().Where(e => e.Target == "user:admin").Select(e => e.Action).ToListAsync(ct),
            a => a is AuditActions.UserDisabled or AuditActions.RoleRemoved);
    }

    [Fact]
    public async Task TwoFactor_ResetOnTheEditPage_SwitchesItOffWithANewKeyAndIsAudited()
    {
        // Arrange: the operator has an authenticator app.
        var ct = TestTimeout.Token(120);
        await using var host = await HubHost.StartAsync(provider, null, ct);
        string oldKey;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<HubUser>>();
            var enrolled = (await users.FindByNameAsync("operator"))!;
            await users.ResetAuthenticatorKeyAsync(enrolled);
            await users.SetTwoFactorEnabledAsync(enrolled, true);
            oldKey = (await users.GetAuthenticatorKeyAsync(enrolled))!;
        }

        using var admin = await host.SignInAsync("admin", ct);
        var before = await admin.GetStringAsync(new Uri(Edit + "?staff=operator", UriKind.Relative), ct);

        // Act
        var reset = await AdminForms.PostAsync(admin, Edit + "?staff=operator", "twoFactorReset", [], ct);

        // Assert: off, a new key, recorded.
        Assert.Contains("認証アプリを登録済みです。", System.Net.WebUtility.HtmlDecode(before), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, reset.Status);
        Assert.Contains("2段階認証をリセットしました。", reset.Body, StringComparison.Ordinal);
        Assert.Contains("認証アプリは登録されていません。", reset.Body, StringComparison.Ordinal);
        await using var check = host.Services.CreateAsyncScope();
        var manager = check.ServiceProvider.GetRequiredService<UserManager<HubUser>>();
        var user = (await manager.FindByNameAsync("operator"))!;
        Assert.False(user.TwoFactorEnabled);
        Assert.NotEqual(oldKey, await manager.GetAuthenticatorKeyAsync(user));
        var entry = await check.ServiceProvider.GetRequiredService<HubDbContext>().AuditLog.AsNoTracking()
            .Where(e => e.Action == AuditActions.TwoFactorChanged && e.Target == "user:operator").SingleAsync(ct);
        Assert.Equal(("admin", "reset by administrator"), (entry.ActorName, entry.Detail));
    }

    [Fact]
    public async Task Csv_ExportThenImport_RoundTrips_BadRowChangesNothing()
    {
        // Arrange
        var ct = TestTimeout.Token(240);
        await using var host = await HubHost.StartAsync(provider, cancellationToken: ct);
        using var admin = await host.SignInAsync("admin", ct);

        // Act: export; import a file with one good and one bad row; then a good file; then the export as it was.
        using var export = await admin.GetAsync(new Uri("/console/admin/users?handler=csv", UriKind.Relative), ct);
        var exported = await export.Content.ReadAsByteArrayAsync(ct);
        var bad = await AdminForms.ImportAsync(admin, "staff_id,display_name,email,roles,department_code\n" +
            "hanako-01,佐藤 花子,,DepartmentStaff,100100\n" +
            "jiro-01,=1+1,not-a-mail,Nobody,999999\n", ct);
        var good = await AdminForms.ImportAsync(admin, "\uFEFFstaff_id,display_name,email,roles,department_code,password\n" +
            "hanako-01,佐藤 花子,hanako@example.jp,所管課職員|承認者,100100,\n" +
            "jiro-01,=鈴木 次郎,,Operator,,Jiro2026Pass\n" +
            "operator,オペレーター（改）,,Operator|Supervisor,,\n", ct);
        using var second = await admin.GetAsync(new Uri("/console/admin/users?handler=csv&q=JIRO", UriKind.Relative), ct);
        var secondText = Encoding.UTF8.GetString(await second.Content.ReadAsByteArrayAsync(ct));
        var again = await AdminForms.ImportAsync(admin, Encoding.UTF8.GetString(exported), ct);
        var jiro = await AdminForms.TrySignInAsync(host, "jiro-01", "Jiro2026Pass", ct);

        // Assert: the export (BOM, header, no hash), the bad file's row-numbered errors with nothing made, the good file's
        // changes, the formula-looking name guarded in the export, and the unchanged export changing nothing back.
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Encoding.UTF8.GetPreamble(), exported[..3]);
        var text = Encoding.UTF8.GetString(exported[3..]);
        Assert.StartsWith("staff_id,display_name,email,roles,department_code,department_name,teams,status,two_factor,changed_at_jst", text, StringComparison.Ordinal);
        Assert.Contains("dept-staff,", text, StringComparison.Ordinal);
        Assert.DoesNotContain("AQAAAA", text, StringComparison.Ordinal);
        Assert.Contains("取り込めませんでした（何も変更していません）", bad, StringComparison.Ordinal);
        Assert.Contains("3行目：メールアドレスの形式が正しくありません。", bad, StringComparison.Ordinal);
        Assert.Contains("3行目：所属コード「999999」の部署がありません。", bad, StringComparison.Ordinal);
        Assert.Contains("3行目：役割「Nobody」はありません。", bad, StringComparison.Ordinal);
        Assert.DoesNotContain("2行目", bad, StringComparison.Ordinal);
        Assert.Contains("取り込みました：作成 2件、更新 1件。", good, StringComparison.Ordinal);
        Assert.Contains("hanako-01", good, StringComparison.Ordinal);
        Assert.True(jiro.SignedIn);
        Assert.Contains(",'=鈴木 次郎,", secondText, StringComparison.Ordinal);
        Assert.Contains("取り込みました：作成 0件、更新 1件。", again, StringComparison.Ordinal);

        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<HubUser>>();
        var hanako = await users.FindByNameAsync("hanako-01");
        Assert.NotNull(hanako);
        Assert.True(hanako.MustChangePassword);
        Assert.NotNull(hanako.DepartmentId);
        Assert.Equal([HubRoles.Approver, HubRoles.DepartmentStaff], (await users.GetRolesAsync(hanako)).Order(StringComparer.Ordinal));
        Assert.Equal("=鈴木 次郎", (await users.FindByNameAsync("jiro-01"))!.DisplayName);
        // The unchanged export put operator back as it was exported.
        Assert.Equal([HubRoles.Operator], await users.GetRolesAsync((await users.FindByNameAsync("operator"))!));
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        Assert.Equal(2, await db.AuditLog.CountAsync(e => e.Action == AuditActions.Exported && e.Target == "users", ct));
        Assert.Equal(2, await db.AuditLog.CountAsync(e => e.Action == AuditActions.RoleGranted && e.Target == "user:hanako-01", ct));
        Assert.Equal(0, await db.AuditLog.CountAsync(e => e.Target == "user:hanako-01" && e.Action == AuditActions.UserChanged, ct));
    }

    [Fact]
    public async Task Teams_CreateRenameMembersDelete_AgentProfilesFollow_ProfileFormUsesTheApiRules()
    {
        // Arrange
        var ct = TestTimeout.Token(240);
        await using var host = await HubHost.StartAsync(provider, cancellationToken: ct);
        using var admin = await host.SignInAsync("admin", ct);
        const string Teams = "/console/admin/teams";

        // Act
        var created = await AdminForms.PostAsync(admin, Teams, "create", [("name", "税務チーム")], ct);
        var duplicate = await AdminForms.PostAsync(admin, Teams, "create", [("name", "税務チーム")], ct);
        var teamId = await TeamIdAsync(host, ct);
        var added = await AdminForms.PostAsync(admin, Teams + "?id=" + teamId, "addMember", [("staff", "operator")], ct);
        var unknown = await AdminForms.PostAsync(admin, Teams + "?id=" + teamId, "addMember", [("staff", "nobody")], ct);
        var categoriesAfterAdd = await CategoriesAsync(host, "operator", ct);
        var renamed = await AdminForms.PostAsync(admin, Teams + "?id=" + teamId, "rename", [("name", "税務・国保チーム")], ct);
        var categoriesAfterRename = await CategoriesAsync(host, "operator", ct);
        var list = await admin.GetStringAsync(new Uri("/console/admin/users?q=operator", UriKind.Relative), ct);
        var badProfile = await AdminForms.PostAsync(admin, Edit + "?staff=operator", "profile", [("Profile.MaxChats", "99"), ("Profile.Languages", "ja")], ct);
        var profile = await AdminForms.PostAsync(admin, Edit + "?staff=operator", "profile",
            [("Profile.MaxChats", "3"), ("Profile.Categories", "税務・国保チーム\n住民票"), ("Profile.Languages", "ja"), ("Profile.Languages", "en")], ct);
        var deleted = await AdminForms.PostAsync(admin, Teams + "?id=" + teamId, "delete", [], ct);
        var categoriesAfterDelete = await CategoriesAsync(host, "operator", ct);

        // Assert
        Assert.Contains("チームを更新しました。", created.Body, StringComparison.Ordinal);
        Assert.Contains("チーム名「税務チーム」はすでにあります。", duplicate.Body, StringComparison.Ordinal);
        Assert.Contains("チームを更新しました。", added.Body, StringComparison.Ordinal);
        Assert.Contains("職員ID「nobody」のユーザーはいません。", unknown.Body, StringComparison.Ordinal);
        Assert.Contains("税務チーム", categoriesAfterAdd, StringComparison.Ordinal);
        Assert.Contains("税務・国保チーム", renamed.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("税務チーム", categoriesAfterRename.Split('|'));
        Assert.Contains("税務・国保チーム", categoriesAfterRename.Split('|'));
        Assert.Contains("<td>税務・国保チーム</td>", list, StringComparison.Ordinal);
        Assert.Contains("同時対応数は1〜50で入力するか、空欄にしてください。", badProfile.Body, StringComparison.Ordinal);
        Assert.Contains("振り分け設定を保存しました。", profile.Body, StringComparison.Ordinal);
        Assert.Equal(["住民票"], categoriesAfterDelete.Split('|'));

        await using var scope = host.Services.CreateAsyncScope();
        var handoff = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
        var op = (await scope.ServiceProvider.GetRequiredService<UserManager<HubUser>>().FindByNameAsync("operator"))!;
        var presence = await handoff.Agents.AsNoTracking().SingleAsync(a => a.AgentId == op.Id, ct);
        Assert.Equal(3, presence.MaxChats);
        Assert.Equal("ja|en", presence.Languages);
        Assert.Empty(await handoff.Teams.AsNoTracking().ToListAsync(ct));
        Assert.Empty(await handoff.TeamMembers.AsNoTracking().ToListAsync(ct));
        var teamAudit = await scope.ServiceProvider.GetRequiredService<HubDbContext>().AuditLog.AsNoTracking()
            .Where(e => e.Action == AuditActions.TeamChanged).OrderBy(e => e.Sequence).Select(e => e.Detail).ToListAsync(ct);
        Assert.Equal(["created", "members +1 -0", "renamed from 税務チーム", "deleted"], teamAudit);
        Assert.Equal(["routing_profile"], await scope.ServiceProvider.GetRequiredService<HubDbContext>().AuditLog.AsNoTracking()
            .Where(e => e.Action == AuditActions.UserChanged && e.Target == "user:operator").Select(e => e.Detail).ToListAsync(ct));
    }

    private static async Task<Guid> TeamIdAsync(HubHost host, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HandoffDbContext>().Teams.AsNoTracking().Select(t => t.Id).SingleAsync(ct);
    }

    private static async Task<string> CategoriesAsync(HubHost host, string userName, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var user = (await scope.ServiceProvider.GetRequiredService<UserManager<HubUser>>().FindByNameAsync(userName))!;
        return await scope.ServiceProvider.GetRequiredService<HandoffDbContext>().Agents.AsNoTracking()
            .Where(a => a.AgentId == user.Id).Select(a => a.Categories).SingleOrDefaultAsync(ct) ?? "";
    }

    [GeneratedRegex("初期パスワード：([A-Za-z0-9]+)")]
    private static partial Regex GeneratedPassword();
}

public sealed class SqliteUserAdministrationTests() : UserAdministrationTests(DatabaseProvider.Sqlite);

public sealed class PostgresUserAdministrationTests() : UserAdministrationTests(DatabaseProvider.Postgres);
