using System.Net;
using ConversationHub.Core.Persistence;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Handoff.Programs.Languages;
using ConversationHub.Host.Tests.Admin;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.Programs;

/// <summary>
/// The program texts page (<c>/console/programs/texts</c>, issue 19) over real HTTP: an administrator enters a program's
/// English texts beside the Japanese; too long a text, or a language the program lacks, is refused and saves nothing; a
/// save from a stale page is refused; each save is audited with the texts it changed; the program's page links here.
/// </summary>
public abstract class ProgramTextsPageTests(DatabaseProvider provider)
{
    private const string Page = "/console/programs/texts?program=texts&lang=en";

    [Fact]
    public async Task Texts_SaveRefuseBadAndStale_SavedOnlyWhenValidAndAudited()
    {
        // Arrange
        var ct = TestTimeout.Token(180);
        await using var host = await HubHost.StartAsync(provider, null, ct);
        var program = await ProgramSeed.AddAsync(host, "texts", -1, 10, ct, p => p.Languages = "ja,en");
        using var admin = await host.SignInAsync("admin", ct);

        // Act
        var shown = WebUtility.HtmlDecode(await admin.GetStringAsync(new Uri(Page, UriKind.Relative), ct));
        var tooLong = await AdminForms.PostAsync(admin, Page, "save", [("Form.Name", new string('x', 101)), ("Form.Version", "0")], ct);
        var otherLanguage = await AdminForms.PostAsync(admin, "/console/programs/texts?program=texts&lang=zh", "save", [("Form.Name", "优惠券"), ("Form.Version", "0")], ct);
        var saved = await AdminForms.PostAsync(admin, Page, "save", [("Form.Name", " Coupon for families "), ("Form.EndMessage", "Applications have closed."), ("Form.Version", "0")], ct);
        var stale = await AdminForms.PostAsync(admin, Page, "save", [("Form.Name", "From an old page"), ("Form.Version", "0")], ct);
        var edit = await admin.GetStringAsync(new Uri("/console/programs/edit?program=texts", UriKind.Relative), ct);

        // Assert
        Assert.Contains("テスト施策 texts", shown, StringComparison.Ordinal);
        Assert.Contains("英語 English（未入力 3 件）", shown, StringComparison.Ordinal);
        Assert.Contains("「施策名」は 100 文字以内で入力してください。", tooLong.Body, StringComparison.Ordinal);
        Assert.Contains("この施策の言語ではありません。", otherLanguage.Body, StringComparison.Ordinal);
        Assert.Contains("英語 Englishの表示を保存しました。", saved.Body, StringComparison.Ordinal);
        Assert.Contains("ほかの管理者が先に保存しました", stale.Body, StringComparison.Ordinal);
        Assert.Contains("/console/programs/texts?program=texts", edit, StringComparison.Ordinal);
        await using var scope = host.Services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<HandoffDbContext>().ProgramTexts.AsNoTracking().Where(t => t.ProgramId == program.Id).ToListAsync(ct);
        var row = Assert.Single(rows);
        Assert.Equal(("en", "Coupon for families", "Applications have closed.", (string?)null, 1), (row.Language, row.Name, row.EndMessage, row.AfterEndGuidance, row.Version));
        var audit = await scope.ServiceProvider.GetRequiredService<HubDbContext>().AuditLog.AsNoTracking()
            .Where(e => e.Target == "program:texts").Select(e => new { e.Action, e.Detail, e.ActorName }).ToListAsync(ct);
        Assert.Equal([(ProgramLanguageAuditActions.TextsChanged, "en:Name,EndMessage", "admin")], audit.Select(e => (e.Action, e.Detail, e.ActorName)));
    }

    [Fact]
    public async Task Texts_OnlyForAdministrators_AndJapaneseOnlyProgramsSaySo()
    {
        // Arrange
        var ct = TestTimeout.Token(120);
        await using var host = await HubHost.StartAsync(provider, null, ct);
        await ProgramSeed.AddAsync(host, "jaonly", -1, 10, ct);
        using var admin = await host.SignInAsync("admin", ct);
        using var operatorClient = await host.SignInAsync("operator", ct);

        // Act
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync(new Uri("/console/programs/texts?program=jaonly", UriKind.Relative), ct));
        using var missing = await admin.GetAsync(new Uri("/console/programs/texts?program=nosuch", UriKind.Relative), ct);
        using var refused = await operatorClient.GetAsync(new Uri("/console/programs/texts?program=jaonly", UriKind.Relative), ct);

        // Assert
        Assert.Contains("この施策は日本語のみです。", page, StringComparison.Ordinal);
        Assert.DoesNotContain("texts-form", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
    }
}

public sealed class SqliteProgramTextsPageTests() : ProgramTextsPageTests(DatabaseProvider.Sqlite);

public sealed class PostgresProgramTextsPageTests() : ProgramTextsPageTests(DatabaseProvider.Postgres);
