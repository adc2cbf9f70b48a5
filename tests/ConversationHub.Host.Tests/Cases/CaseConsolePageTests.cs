using System.Net;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;

namespace ConversationHub.Host.Tests.Cases;

/// <summary>
/// The case console's pages on the server: who may open which page, and that a handler refused by the services shows
/// their Japanese reason and changes nothing (department boundaries, the center's own steps, approvals, stale saves).
/// </summary>
public sealed class CaseConsolePageTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    private HubHost Host => fixture.Host;

    [Fact]
    public async Task CasePage_OtherDepartmentsCase_NotFoundForPageAndHandlers()
    {
        // Arrange: one case escalated to 総務課 (200100), one to 市民課 (100100, dept-staff's own).
        var ct = TestTimeout.Token(120);
        using var center = await Host.SignInAsync("operator", ct);
        using var staff = await Host.SignInAsync("dept-staff", ct);
        var other = await CaseConsoleTestData.CreateAsync(center, "他課の案件", "03-1111-2222", ct);
        var own = await CaseConsoleTestData.CreateAsync(center, "市民課の案件", "03-1111-3333", ct);
        await CaseConsoleTestData.EscalateAsync(center, other, await CaseConsoleTestData.DepartmentIdAsync(Host, "200100", ct), ct);
        await CaseConsoleTestData.EscalateAsync(center, own, await CaseConsoleTestData.DepartmentIdAsync(Host, "100100", ct), ct);
        var token = await CaseConsoleTestData.TokenAsync(staff, $"/console/cases/{own}", ct);
        var before = (await CaseConsoleTestData.GetAsync(center, other, ct)).GetProperty("version").GetInt32();

        // Act
        using var page = await staff.GetAsync(new Uri($"/console/cases/{other}", UriKind.Relative), ct);
        using var note = await CaseConsoleTestData.PostHandlerAsync(staff, other, "Note", token, [new("text", "見えないはずのメモ")], ct);
        using var handBack = await CaseConsoleTestData.PostHandlerAsync(staff, other, "HandBack", token, [new("text", "差し戻し")], ct);
        var list = await staff.GetStringAsync(new Uri("/console/cases", UriKind.Relative), ct);
        using var ownPage = await staff.GetAsync(new Uri($"/console/cases/{own}", UriKind.Relative), ct);

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, note.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, handBack.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ownPage.StatusCode);
        Assert.Contains("市民課の案件", list, StringComparison.Ordinal);
        Assert.DoesNotContain("他課の案件", list, StringComparison.Ordinal);
        Assert.Equal(before, (await CaseConsoleTestData.GetAsync(center, other, ct)).GetProperty("version").GetInt32());
    }

    [Theory]
    [InlineData(null, "/console/cases", HttpStatusCode.Redirect)]
    [InlineData("faq-editor", "/console/cases", HttpStatusCode.Redirect)]
    [InlineData("admin", "/console/cases", HttpStatusCode.Redirect)]
    [InlineData("operator", "/console/cases", HttpStatusCode.OK)]
    [InlineData("supervisor", "/console/cases", HttpStatusCode.OK)]
    [InlineData("dept-staff", "/console/cases", HttpStatusCode.OK)]
    [InlineData("approver", "/console/cases", HttpStatusCode.OK)]
    [InlineData("operator", "/console/cases/new", HttpStatusCode.OK)]
    [InlineData("dept-staff", "/console/cases/new", HttpStatusCode.Redirect)]
    [InlineData("approver", "/console/cases/new", HttpStatusCode.Redirect)]
    [InlineData("operator", "/console/cases/00000000-0000-0000-0000-000000000001", HttpStatusCode.NotFound)]
    public async Task Page_AnswersByRole(string? user, string path, HttpStatusCode expected)
    {
        var ct = TestTimeout.Token();
        using var client = user is null ? Host.CreateBrowserClient() : await Host.SignInAsync(user, ct);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), ct);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Redirect)
        {
            Assert.Matches(user is null ? "/account/login" : "/account/denied", response.Headers.Location!.OriginalString);
        }
    }

    [Fact]
    public async Task Escalate_ByDepartmentStaff_ShowsReasonAndChangesNothing()
    {
        // Arrange: a case of 市民課's.
        var ct = TestTimeout.Token(120);
        using var center = await Host.SignInAsync("operator", ct);
        using var staff = await Host.SignInAsync("dept-staff", ct);
        var id = await CaseConsoleTestData.CreateAsync(center, "権限の確認", "03-2222-4444", ct);
        var citizens = await CaseConsoleTestData.DepartmentIdAsync(Host, "100100", ct);
        await CaseConsoleTestData.EscalateAsync(center, id, citizens, ct);
        var token = await CaseConsoleTestData.TokenAsync(staff, $"/console/cases/{id}", ct);
        var before = (await CaseConsoleTestData.GetAsync(center, id, ct)).GetProperty("version").GetInt32();

        // Act: the center's own step, sent by the department.
        using var response = await CaseConsoleTestData.PostHandlerAsync(staff, id, "Escalate", token,
            [new("departmentId", (await CaseConsoleTestData.DepartmentIdAsync(Host, "200100", ct)).ToString()), new("reasons", "no_faq")], ct);
        var html = await response.Content.ReadAsStringAsync(ct);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("この操作を行う権限がありません。", html, StringComparison.Ordinal);
        Assert.Equal(before, (await CaseConsoleTestData.GetAsync(center, id, ct)).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Save_StaleVersion_WarnsAndKeepsTypedInput()
    {
        // Arrange
        var ct = TestTimeout.Token(120);
        using var center = await Host.SignInAsync("operator", ct);
        var id = await CaseConsoleTestData.CreateAsync(center, "古い版の保存", "03-3333-5555", ct);
        var token = await CaseConsoleTestData.TokenAsync(center, $"/console/cases/{id}", ct);
        var version = (await CaseConsoleTestData.GetAsync(center, id, ct)).GetProperty("version").GetInt32();
        using (var first = await CaseConsoleTestData.PostHandlerAsync(center, id, "Note", token, [new("text", "先に更新")], ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        // Act: the form read before the note is saved.
        using var response = await CaseConsoleTestData.PostHandlerAsync(center, id, "Save", token,
            [new("version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("subject", "わたしの入力"), new("contactPhone", "03-3333-5555")], ct);
        var html = await response.Content.ReadAsStringAsync(ct);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ほかの人がこの案件を先に更新しました", html, StringComparison.Ordinal);
        Assert.Contains("value=\"わたしの入力\"", html, StringComparison.Ordinal);
        Assert.Equal("古い版の保存", (await CaseConsoleTestData.GetAsync(center, id, ct)).GetProperty("subject").GetString());
    }

    [Fact]
    public async Task Save_InvalidPhone_ErrorNextToFieldAndInSummary()
    {
        // Arrange
        var ct = TestTimeout.Token(120);
        using var center = await Host.SignInAsync("operator", ct);
        var id = await CaseConsoleTestData.CreateAsync(center, "入力の誤り", "03-4444-6666", ct);
        var token = await CaseConsoleTestData.TokenAsync(center, $"/console/cases/{id}", ct);
        var version = (await CaseConsoleTestData.GetAsync(center, id, ct)).GetProperty("version").GetInt32();

        // Act
        using var response = await CaseConsoleTestData.PostHandlerAsync(center, id, "Save", token,
            [new("version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("subject", "入力の誤り"), new("contactPhone", "12345")], ct);
        var html = await response.Content.ReadAsStringAsync(ct);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("class=\"error-summary\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#f-contactPhone\"", html, StringComparison.Ordinal);
        Assert.Matches("id=\"f-contactPhone\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"[^\"]*err-contactPhone", html);
        Assert.Contains("value=\"12345\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_MalformedQuery_JapaneseMessageNotACrash()
    {
        var ct = TestTimeout.Token();
        using var center = await Host.SignInAsync("operator", ct);

        using var response = await center.GetAsync(new Uri("/console/cases?page=abc&status=Nope&from=2026-13-40", UriKind.Relative), ct);
        var html = await response.Content.ReadAsStringAsync(ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("パラメーター page の値が正しくありません。", html, StringComparison.Ordinal);
        Assert.Contains("パラメーター from の値が正しくありません。", html, StringComparison.Ordinal);
        Assert.Contains("状態の値が正しくありません", html, StringComparison.Ordinal);
    }
}
