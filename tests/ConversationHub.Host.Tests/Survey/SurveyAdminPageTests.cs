using System.Globalization;
using System.Net;
using ConversationHub.Core.Audit;
using ConversationHub.Core.Persistence;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Handoff.Survey;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.Survey;

/// <summary>
/// The survey's definition page (<c>/console/admin/survey</c>): a save makes a new version (audited) while answers keep
/// the version they were given on; the required items cannot be removed; a save on a stale version is refused.
/// </summary>
public sealed class SurveyAdminPageTests
{
    private static readonly (string Key, string Question, string Type, string Options, bool Required)[] Defaults =
    [
        ("age", "年代を教えてください。", "Choice", "10代以下\n20代\n30代\n40代\n50代\n60代\n70代\n80代以上", false),
        ("gender", "性別を教えてください。", "Choice", "男性\n女性\nその他\n回答しない", false),
        ("learned", "この窓口を何で知りましたか？", "Choice", "市ホームページ\n広報誌\nLINE\n知人\nその他", false),
        ("frequency", "この窓口をどのくらい利用していますか？", "Choice", "初めて\n年に数回\n月に数回\n週に1回以上", false),
        ("satisfaction", "今回の対応はいかがでしたか？ 5段階でお選びください。", "FiveLevel", "", true),
        ("reason", "そう感じた理由をお聞かせください。", "FreeText", "", false),
        ("opinions", "ご意見・ご要望があればお書きください。", "FreeText", "", false),
    ];

    [Fact]
    public async Task Save_EditedDefinition_NewVersionAuditedOldAnswersKeepTheirs()
    {
        // Arrange: an answer given on version 1 (the default).
        var ct = TestTimeout.Token(120);
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, cancellationToken: ct);
        await SurveyTestData.SeedAsync(host, ct);
        using var admin = await host.SignInAsync("admin", ct);
        var items = Defaults.ToList();
        items[0] = items[0] with { Question = "ご年齢を教えてください。" };
        items[5] = items[5] with { Type = "Choice", Options = "説明がわかりやすい\n待ち時間が長い\nその他", Required = true };
        items.Insert(4, ("visit", "窓口へ来庁されたことはありますか？", "Choice", "ある\nない", false));

        // Act
        using var saved = await FormPost.SubmitAsync(admin, "/console/admin/survey", Form(1, items), ct);
        var page = await admin.GetStringAsync(new Uri("/console/admin/survey", UriKind.Relative), ct);

        // Assert: version 2 in the new order; version 1 unchanged, and the answers given on it keep it.
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.EndsWith("saved=2", saved.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("現在の版: 第2版", page, StringComparison.Ordinal);
        await using var scope = host.Services.CreateAsyncScope();
        var definitions = scope.ServiceProvider.GetRequiredService<SurveyDefinitions>();
        var current = await definitions.CurrentAsync(ct);
        Assert.Equal(2, current.Version);
        Assert.Equal(["age", "gender", "learned", "frequency", "visit", "satisfaction", "reason", "opinions"], current.Items.Select(i => i.Key));
        Assert.Equal("ご年齢を教えてください。", current.Items[0].Question);
        Assert.Equal((SurveyItemType.Choice, true, 3), (current.Items[6].Type, current.Items[6].Required, current.Items[6].Options.Count));
        Assert.True(current.Items.Single(i => i.Key == "age").Fixed);
        Assert.False(current.Items.Single(i => i.Key == "visit").Fixed);
        var first = await definitions.OfAsync(1, ct);
        Assert.Equal("年代を教えてください。", first.Items[0].Question);
        var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
        Assert.All(await db.SurveyAnswers.AsNoTracking().ToListAsync(ct), a => Assert.Equal(1, a.Version));
        Assert.All(await db.SurveySessions.AsNoTracking().ToListAsync(ct), s => Assert.Equal(1, s.Version));
        var audit = await scope.ServiceProvider.GetRequiredService<HubDbContext>().AuditLog.AsNoTracking().SingleAsync(e => e.Target == "survey", ct);
        Assert.Equal(AuditActions.SettingChanged, audit.Action);
        Assert.StartsWith("version 2;", audit.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_RequiredItemRemovedOrStaleVersion_RefusedWithReasonNothingSaved()
    {
        // Arrange
        var ct = TestTimeout.Token(120);
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, cancellationToken: ct);
        using var admin = await host.SignInAsync("admin", ct);
        using var operatorClient = await host.SignInAsync("operator", ct);
        var form = Form(1, Defaults);
        form["Items[1].Remove"] = "true";
        var withoutGender = Form(2, [.. Defaults.Where(d => d.Key != "gender")]);
        var badOptions = Form(2, [.. Defaults.Select(d => d.Key == "age" ? d with { Options = "20代" } : d)]);

        // Act
        using var removed = await FormPost.SubmitAsync(admin, "/console/admin/survey", form, ct);
        using var missing = await FormPost.SubmitAsync(admin, "/console/admin/survey", withoutGender, ct);
        using var tooFew = await FormPost.SubmitAsync(admin, "/console/admin/survey", badOptions, ct);
        using var stale = await FormPost.SubmitAsync(admin, "/console/admin/survey", Form(1, Defaults), ct);
        using var refused = await operatorClient.GetAsync(new Uri("/console/admin/survey", UriKind.Relative), ct);

        // Assert: a required item's remove box is ignored (it stays), a missing one is refused, as are bad options and
        // a save on version 1 after version 2 exists.
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Contains("必須項目（年代・性別・認知経路・利用頻度・満足度・理由・意見）は削除できず", await missing.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.Contains("重複しない選択肢", await tooFew.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.Contains("ほかの管理者が先に保存しました", await stale.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/account/denied", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
        await using var scope = host.Services.CreateAsyncScope();
        var versions = await scope.ServiceProvider.GetRequiredService<HandoffDbContext>().SurveyVersions.AsNoTracking().Select(v => v.Number).ToListAsync(ct);
        Assert.Equal([1, 2], versions.Order());
        var current = await scope.ServiceProvider.GetRequiredService<SurveyDefinitions>().CurrentAsync(ct);
        Assert.Contains(current.Items, i => i.Key == "gender");
    }

    [Fact]
    public async Task ConsoleHome_LinksTheSurveySettings_ForAdministratorsOnly()
    {
        // Arrange
        var ct = TestTimeout.Token(120);
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, cancellationToken: ct);
        using var admin = await host.SignInAsync("admin", ct);
        using var supervisor = await host.SignInAsync("supervisor", ct);

        // Act
        var adminHome = await admin.GetStringAsync(new Uri("/console", UriKind.Relative), ct);
        var supervisorHome = await supervisor.GetStringAsync(new Uri("/console", UriKind.Relative), ct);

        // Assert: next to the audit log for the administrator; nothing for a supervisor.
        Assert.Contains("<a href=\"/console/admin/survey\">満足度調査の設定</a>", adminHome, StringComparison.Ordinal);
        Assert.Contains("/console/admin/audit", adminHome, StringComparison.Ordinal);
        Assert.DoesNotContain("/console/admin/survey", supervisorHome, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Form(int version, IReadOnlyList<(string Key, string Question, string Type, string Options, bool Required)> items)
    {
        var form = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Version"] = version.ToString(CultureInfo.InvariantCulture),
            ["Enabled"] = "true",
            ["ConsentText"] = "アンケートにご協力いただけますか？",
        };
        for (var i = 0; i < items.Count; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            form[$"Items[{n}].Order"] = (i + 1).ToString(CultureInfo.InvariantCulture);
            form[$"Items[{n}].Key"] = items[i].Key;
            form[$"Items[{n}].Question"] = items[i].Question;
            form[$"Items[{n}].Type"] = items[i].Type;
            form[$"Items[{n}].Options"] = items[i].Options;
            if (items[i].Required)
                form[$"Items[{n}].Required"] = "true";
        }

        return form;
    }
}
