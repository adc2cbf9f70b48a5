using System.Net;
using System.Text.Json;
using ConversationHub.Core.Identity;
using ConversationHub.Host.Tests.Cases;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;

namespace ConversationHub.Host.Tests.Voice;

/// <summary>
/// <c>/api/voice/lines</c> over real HTTP as each role calls it: administrators edit lines; administrators and the
/// <see cref="HubRoles.PhoneSwitch"/> right switch the emergency forward (代表電話の切替), logged with who, when, line,
/// on/off and target; every console role reads the lines forwarding now; bad input and stale versions change nothing.
/// Each test uses its own line numbers on the shared host.
/// </summary>
public sealed class PhoneLinesApiTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    private const string Api = "/api/voice/lines";

    private HubHost Host => fixture.Host;

    private static string PathOf(string number) => $"{Api}/{Uri.EscapeDataString(number)}";

    private static object Line(string number, string name = "子育て相談", string? forwardTo = null, int? version = null) => new
    {
        number, name, enabled = true, greeting = (string?)null, serviceEndsOn = (string?)null, maxQueueLength = 5, maxWaitSeconds = 300,
        languages = new[] { "ja", "en" }, emergencyForwardTo = forwardTo, version,
    };

    [Fact]
    public async Task List_AfterFirstStart_HoldsTheSeededDemoLine()
    {
        var ct = TestTimeout.Token(60);
        using var admin = await Host.SignInAsync("admin", ct);

        var lines = await admin.GetJsonAsync(Api, HttpStatusCode.OK, ct);

        var demo = lines.EnumerateArray().Single(l => l.GetProperty("number").GetString() == "+81501234567");
        Assert.Equal("代表（デモ）", demo.GetProperty("name").GetString());
        Assert.False(demo.GetProperty("emergencyOn").GetBoolean());
        Assert.Equal("ja", demo.GetProperty("languages")[0].GetString());
    }

    [Fact]
    public async Task Create_Update_Delete_ByAdministrator_WithVersions()
    {
        // Arrange
        var ct = TestTimeout.Token(60);
        using var admin = await Host.SignInAsync("admin", ct);

        // Act: create (a domestic number typed with full-width digits and hyphens is normalized), edit, remove.
        var created = await admin.PostJsonAsync(Api, Line("＋８１ ３-１１１１-０００１"), HttpStatusCode.Created, ct);
        Assert.Equal("+81311110001", created.GetProperty("number").GetString());
        Assert.Equal(0, created.GetProperty("version").GetInt32());
        var duplicate = await admin.PostJsonAsync(Api, Line("+81311110001"), HttpStatusCode.Conflict, ct);
        var updated = await admin.PutJsonAsync(PathOf("+81311110001"), Line("+81311110001", "子育て相談ダイヤル", "+81311119999", version: 0), HttpStatusCode.OK, ct);
        var stale = await admin.PutJsonAsync(PathOf("+81311110001"), Line("+81311110001", "古い画面からの変更", version: 0), HttpStatusCode.Conflict, ct);
        var current = await admin.GetJsonAsync(PathOf("+81311110001"), HttpStatusCode.OK, ct);
        using var staleDelete = await admin.DeleteAsync(new Uri(PathOf("+81311110001") + "?version=0", UriKind.Relative), ct);
        using var deleted = await admin.DeleteAsync(new Uri(PathOf("+81311110001") + "?version=1", UriKind.Relative), ct);
        var gone = await admin.GetJsonAsync(PathOf("+81311110001"), HttpStatusCode.NotFound, ct);

        // Assert
        Assert.Equal("電話番号 +81311110001 はすでに登録されています。", duplicate.GetProperty("title").GetString());
        Assert.Equal(1, updated.GetProperty("version").GetInt32());
        Assert.Equal("+81311119999", updated.GetProperty("emergencyForwardTo").GetString());
        Assert.False(updated.GetProperty("emergencyOn").GetBoolean());
        Assert.Equal("この回線は、ほかの職員が先に変更しました。画面を読み込み直して、最新の内容を確認してからやり直してください。", stale.GetProperty("title").GetString());
        Assert.Equal("子育て相談ダイヤル", current.GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.Conflict, staleDelete.StatusCode);
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal("電話番号 +81311110001 の回線は登録されていません。", gone.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Create_BadInput_ProblemDetailsWithPreciseJapaneseMessages_NothingStored()
    {
        var ct = TestTimeout.Token(60);
        using var admin = await Host.SignInAsync("admin", ct);

        var problem = await admin.PostJsonAsync(Api, new
        {
            number = "03-1111-0002", name = " ", maxQueueLength = -1, maxWaitSeconds = 5, languages = new[] { "ja", "fr" }, emergencyForwardTo = "+8131111",
        }, HttpStatusCode.BadRequest, ct);
        var shortJapanese = await admin.PostJsonAsync(Api, Line("+8131111000"), HttpStatusCode.BadRequest, ct);
        var toSelf = await admin.PostJsonAsync(Api, Line("+81311110002", forwardTo: "+81311110002"), HttpStatusCode.BadRequest, ct);
        var lines = await admin.GetJsonAsync(Api, HttpStatusCode.OK, ct);

        Assert.Equal("電話番号は「+81」から始まる国際形式で入力してください（例：03-1234-5678 → +81312345678）。", CaseTestSupport.ErrorOf(problem, "number"));
        Assert.Equal("回線名を入力してください。", CaseTestSupport.ErrorOf(problem, "name"));
        Assert.Equal("待ち人数の上限は0〜1000の整数で入力してください。", CaseTestSupport.ErrorOf(problem, "maxQueueLength"));
        Assert.Equal("待ち時間の上限は10〜7200秒の範囲で入力してください。", CaseTestSupport.ErrorOf(problem, "maxWaitSeconds"));
        Assert.Equal("「fr」は案内できる言語ではありません。選べるのは ja、en、zh、ko、es、pt です。", CaseTestSupport.ErrorOf(problem, "languages"));
        Assert.StartsWith("転送先の電話番号の桁数が日本の電話番号として正しくありません。", CaseTestSupport.ErrorOf(problem, "emergencyForwardTo"), StringComparison.Ordinal);
        Assert.Equal("入力内容に誤りがあります。", problem.GetProperty("title").GetString());
        Assert.StartsWith("電話番号の桁数が日本の電話番号として正しくありません。", shortJapanese.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal("転送先に、この回線自身の番号は指定できません。", toSelf.GetProperty("title").GetString());
        Assert.DoesNotContain(lines.EnumerateArray(), l => l.GetProperty("number").GetString()!.StartsWith("+8131111000", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EmergencySwitch_OperatorForbidden_PhoneSwitchRightAndAdministratorAllowed_Logged()
    {
        // Arrange: a line with a prepared target.
        var ct = TestTimeout.Token(90);
        using var admin = await Host.SignInAsync("admin", ct);
        using var bosai = await Host.SignInAsync("bosai", ct);
        using var op = await Host.SignInAsync("operator", ct);
        await admin.PostJsonAsync(Api, Line("+81311110003", "代表電話", "+81311113333"), HttpStatusCode.Created, ct);
        var switchPath = PathOf("+81311110003") + "/emergency";

        // Act + Assert: an operator may neither switch nor read the lines, nor edit them; the PhoneSwitch right may not edit.
        using (var forbidden = await op.PostAsync(new Uri(switchPath, UriKind.Relative), JsonContent(new { on = true, version = 0 }), ct))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await op.GetAsync(new Uri(Api, UriKind.Relative), ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await bosai.PostAsync(new Uri(Api, UriKind.Relative), JsonContent(Line("+81311110004")), ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Host.CreateBrowserClient().GetAsync(new Uri(Api + "/emergency", UriKind.Relative), ct)).StatusCode);

        // A bad target changes nothing.
        var bad = await bosai.PostJsonAsync(switchPath, new { on = true, forwardTo = "119", version = 0 }, HttpStatusCode.BadRequest, ct);
        Assert.Equal("転送先の電話番号は「+81」から始まる国際形式で入力してください（例：03-1234-5678 → +81312345678）。", CaseTestSupport.ErrorOf(bad, "forwardTo"));
        Assert.False((await bosai.GetJsonAsync(PathOf("+81311110003"), HttpStatusCode.OK, ct)).GetProperty("emergencyOn").GetBoolean());

        // The PhoneSwitch right turns it on to the prepared target in one step; everyone in the console sees it.
        var on = await bosai.PostJsonAsync(switchPath, new { on = true, version = 0 }, HttpStatusCode.OK, ct);
        Assert.True(on.GetProperty("emergencyOn").GetBoolean());
        Assert.Equal("防災 山田", on.GetProperty("emergencySwitchedBy").GetString());
        var forwarding = await op.GetJsonAsync(Api + "/emergency", HttpStatusCode.OK, ct);
        var banner = forwarding.EnumerateArray().Single(l => l.GetProperty("number").GetString() == "+81311110003");
        Assert.Equal("+81311113333", banner.GetProperty("forwardTo").GetString());
        Assert.Equal("防災 山田", banner.GetProperty("switchedBy").GetString());

        // A stale switch (an old version) is refused; the administrator turns it off from the current one.
        await admin.PostJsonAsync(switchPath, new { on = false, version = 0 }, HttpStatusCode.Conflict, ct);
        var deleteWhileOn = await admin.DeleteAsync(new Uri(PathOf("+81311110003") + "?version=1", UriKind.Relative), ct);
        Assert.Equal("転送中の回線は削除できません。先に代表電話の切替をオフにしてください。",
            (await deleteWhileOn.ReadJsonAsync(HttpStatusCode.BadRequest, ct)).GetProperty("title").GetString());
        var off = await admin.PostJsonAsync(switchPath, new { on = false, version = 1 }, HttpStatusCode.OK, ct);
        Assert.False(off.GetProperty("emergencyOn").GetBoolean());
        Assert.DoesNotContain((await op.GetJsonAsync(Api + "/emergency", HttpStatusCode.OK, ct)).EnumerateArray(),
            l => l.GetProperty("number").GetString() == "+81311110003");

        // The audit list: newest first, who, line, on/off, target.
        var log = (await bosai.GetJsonAsync(Api + "/switch-log", HttpStatusCode.OK, ct)).EnumerateArray()
            .Where(e => e.GetProperty("lineNumber").GetString() == "+81311110003").ToList();
        Assert.Equal(2, log.Count);
        Assert.False(log[0].GetProperty("on").GetBoolean());
        Assert.Equal("システム 管理者", log[0].GetProperty("switchedBy").GetString());
        Assert.True(log[1].GetProperty("on").GetBoolean());
        Assert.Equal("+81311113333", log[1].GetProperty("forwardTo").GetString());
        Assert.Equal("防災 山田", log[1].GetProperty("switchedBy").GetString());
        Assert.Equal("代表電話", log[1].GetProperty("lineName").GetString());
        Assert.True(log[1].GetProperty("switchedAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));

        // Structured logs name the line and the account id, never the staff name or the target.
        Assert.Contains(Host.Logs, l => l.Contains("+81311110003", StringComparison.Ordinal) && l.Contains("switched", StringComparison.Ordinal));
        Assert.DoesNotContain(Host.Logs, l => l.Contains("+81311113333", StringComparison.Ordinal) || l.Contains("防災 山田", StringComparison.Ordinal));
    }

    private static StringContent JsonContent(object body) =>
        new(JsonSerializer.Serialize(body, CaseTestSupport.Json), System.Text.Encoding.UTF8, "application/json");
}
