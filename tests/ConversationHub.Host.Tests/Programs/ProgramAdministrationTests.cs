using System.Net;
using ConversationHub.Core.Persistence;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Handoff.Programs;
using ConversationHub.Handoff.Programs.Administration;
using ConversationHub.Host.Tests.Admin;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.Programs;

/// <summary>
/// 施策 (issue 19) over real HTTP: an administrator defines a program and changes it; a bad form is refused with Japanese
/// messages and saves nothing; a stale edit is refused; each save is audited; the list shows each program's state.
/// </summary>
public abstract class ProgramAdministrationTests(DatabaseProvider provider)
{
    private const string Edit = "/console/programs/edit";

    private static (string, string)[] GoodForm(string code) =>
    [
        ("Form.Code", code), ("Form.Name", "児童手当 現況届"), ("Form.StartsOn", "2027-04-01"), ("Form.ServiceEndsOn", "2027-09-30"),
        ("Form.DisposalOn", "2028-03-31"), ("Form.Weekly[Monday]", "08:30-17:15"), ("Form.Weekly[Friday]", "08:30-17:15"),
        ("Form.Monthly[0].Week", "Second"), ("Form.Monthly[0].DayOfWeek", "Sunday"), ("Form.Monthly[0].Hours", "09:00-12:00"),
        ("Form.PhoneNumbers", "+81312345678\n+81312345679"), ("Form.LineKeyword", "児童手当"), ("Form.FaqCategory", "子育て"),
        ("Form.Languages", "en"), ("Form.Languages", "ko"), ("Form.KeepFaqsAfterEnd", "true"),
        ("Form.EndMessage", "児童手当 現況届の受付は終了しました。"), ("Form.AfterEndGuidance", "こども課へお問い合わせください。"), ("Form.Version", "0"),
    ];

    [Fact]
    public async Task Program_CreateEditRefuseStale_SavedOnlyWhenValidAndAudited()
    {
        // Arrange: another program holds a number and a keyword.
        var ct = TestTimeout.Token(240);
        await using var host = await HubHost.StartAsync(provider, null, ct);
        await ProgramSeed.AddAsync(host, "held", -1, 30, ct, p => { p.PhoneNumbers = "+81399990000"; p.LineKeyword = "ｍｙｎｕｍｂｅｒ"; });
        using var admin = await host.SignInAsync("admin", ct);

        // Act
        var created = await AdminForms.PostAsync(admin, Edit, "save", GoodForm("kodomo"), ct);
        var bad = await AdminForms.PostAsync(admin, Edit + "?program=kodomo", "save",
        [
            ("Form.Name", ""), ("Form.StartsOn", "2027-04-01"), ("Form.ServiceEndsOn", "2027-03-01"), ("Form.DisposalOn", "2027-02-01"),
            ("Form.Weekly[Monday]", "17:15-08:30"), ("Form.Monthly[0].Week", "Second"), ("Form.PhoneNumbers", "03-1234-5678\n+81399990000"),
            ("Form.LineKeyword", "MyNumber"), ("Form.EndMessage", ""), ("Form.Version", "0"),
        ], ct);
        var badCreate = await AdminForms.PostAsync(admin, Edit, "save", [.. GoodForm("Bad Code").Where(f => f.Item1 != "Form.Weekly[Monday]")], ct);
        var edited = await AdminForms.PostAsync(admin, Edit + "?program=kodomo", "save",
            [.. GoodForm("kodomo").Where(f => f.Item1 is not ("Form.Name" or "Form.Version")), ("Form.Name", "児童手当 現況届（延長）"), ("Form.Version", "0")], ct);
        var stale = await AdminForms.PostAsync(admin, Edit + "?program=kodomo", "save",
            [.. GoodForm("kodomo").Where(f => f.Item1 is not ("Form.Name" or "Form.Version")), ("Form.Name", "古い画面からの変更"), ("Form.Version", "0")], ct);
        var page = await admin.GetStringAsync(new Uri(Edit + "?program=kodomo", UriKind.Relative), ct);

        // Assert: made, with every field.
        Assert.Contains("施策「児童手当 現況届」を作成しました。", created.Body, StringComparison.Ordinal);
        Assert.Contains("入力内容を確認してください", bad.Body, StringComparison.Ordinal);
        foreach (var message in new[]
                 {
                     "施策名を100文字以内で入力してください。", "受付終了日は開始日以降の日付にしてください。", "月曜日の受付時間は 08:30-17:15 の形で",
                     "毎月の受付日 1 は、第何週・曜日・時間", "電話番号「03-1234-5678」は E.164 形式", "電話番号「+81399990000」は施策「テスト施策 held」で使われています。",
                     "LINE のキーワード「MyNumber」は施策「テスト施策 held」で使われています。", "受付終了のお知らせを1000文字以内で入力してください。",
                 })
        {
            Assert.Contains(message, bad.Body, StringComparison.Ordinal);
        }

        Assert.Contains("コードは半角英小文字・数字・ハイフンで", badCreate.Body, StringComparison.Ordinal);
        Assert.Contains("保存しました。", edited.Body, StringComparison.Ordinal);
        Assert.Contains("ほかの管理者が先に変更しました", stale.Body, StringComparison.Ordinal);
        Assert.Contains("/console/programs/reservations?program=kodomo", page, StringComparison.Ordinal);
        Assert.Contains("/console/programs/forms?program=kodomo", page, StringComparison.Ordinal);
        Assert.Contains("/console/programs/roster?program=kodomo", page, StringComparison.Ordinal);
        Assert.Contains("/?program=kodomo", page, StringComparison.Ordinal);

        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
        Assert.False(await db.Programs.AnyAsync(p => p.Code == "Bad Code" || p.Name == "古い画面からの変更", ct), "a refused form saves nothing");
        var saved = await db.Programs.AsNoTracking().SingleAsync(p => p.Code == "kodomo", ct);
        Assert.Equal("児童手当 現況届（延長）", saved.Name);
        Assert.Equal((new DateOnly(2027, 4, 1), new DateOnly(2027, 9, 30), new DateOnly(2028, 3, 31)), (saved.StartsOn, saved.ServiceEndsOn, saved.DisposalOn));
        Assert.Equal("+81312345678,+81312345679", saved.PhoneNumbers);
        Assert.Equal(("児童手当", "子育て", "ja,en,ko", true), (saved.LineKeyword, saved.FaqCategory, saved.Languages, saved.KeepFaqsAfterEnd));
        Assert.Equal(1, saved.Version);
        var hours = ProgramHours.Parse(saved.HoursJson);
        Assert.Equal("08:30-17:15", hours.Weekly[DayOfWeek.Friday]);
        Assert.Equal((ConversationHub.Core.Calendar.WeekOfMonth.Second, DayOfWeek.Sunday, "09:00-12:00"), (hours.Monthly[0].Week, hours.Monthly[0].DayOfWeek, hours.Monthly[0].Hours));
        Assert.Equal("こども課へお問い合わせください。", saved.AfterEndGuidance);

        var audit = await scope.ServiceProvider.GetRequiredService<HubDbContext>().AuditLog.AsNoTracking()
            .Where(e => e.Target == "program:kodomo").OrderBy(e => e.Sequence).Select(e => new { e.Action, e.Detail, e.ActorName }).ToListAsync(ct);
        Assert.Equal([(ProgramAuditActions.Created, "児童手当 現況届"), (ProgramAuditActions.Changed, "Name")], audit.Select(e => (e.Action, e.Detail)));
        Assert.All(audit, e => Assert.Equal("admin", e.ActorName));
    }

    [Fact]
    public async Task FaqIds_UnknownOrNotPublic_RefusedAndNamed_PublicOnesSaved()
    {
        // Arrange: a public FAQ of the demo city (named by id, and one by its external key), a staff-only one, and an id no
        // FAQ has.
        var ct = TestTimeout.Token(180);
        await using var host = await HubHost.StartAsync(provider, null, ct);
        Guid published, internalOnly;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var faqs = scope.ServiceProvider.GetRequiredService<ConversationHub.Faq.Persistence.FaqDbContext>();
            published = await faqs.Faqs.AsNoTracking().Where(f => f.Status == ConversationHub.Faq.KnowledgeBase.Domain.FaqStatus.Published
                && f.Visibility == ConversationHub.Faq.KnowledgeBase.Domain.FaqVisibility.Public && f.PublishUntilUtc == null).Select(f => f.Id).FirstAsync(ct);
            var hidden = await faqs.Faqs.FirstAsync(f => f.Id != published && f.ExternalKey != "coupon-001", ct);
            hidden.Visibility = ConversationHub.Faq.KnowledgeBase.Domain.FaqVisibility.Center;
            internalOnly = hidden.Id;
            await faqs.SaveChangesAsync(ct);
        }

        var unknown = Guid.NewGuid();
        using var admin = await host.SignInAsync("admin", ct);
        static (string, string)[] With(string ids) => [.. GoodForm("faqset").Where(f => f.Item1 != "Form.FaqCategory"), ("Form.FaqIds", ids)];

        // Act
        var refused = await AdminForms.PostAsync(admin, Edit, "save", With($"{published}, {unknown}\n{internalOnly}"), ct);
        var saved = await AdminForms.PostAsync(admin, Edit, "save", With($"{published}, coupon-001"), ct);

        // Assert: the refusal names both bad ids and saves nothing; the public one is kept.
        Assert.Contains($"次の FAQ は見つからないか公開されていません：{unknown}、{internalOnly}", refused.Body, StringComparison.Ordinal);
        Assert.Contains("施策「児童手当 現況届」を作成しました。", saved.Body, StringComparison.Ordinal);
        await using var check = host.Services.CreateAsyncScope();
        var program = await check.ServiceProvider.GetRequiredService<HandoffDbContext>().Programs.AsNoTracking().SingleAsync(p => p.Code == "faqset", ct);
        Assert.Equal($"{published},coupon-001", program.FaqIds);
    }

    [Fact]
    public async Task List_ShowsEachProgramsStateToday_AndRefusesOthers()
    {
        // Arrange
        var ct = TestTimeout.Token(180);
        await using var host = await HubHost.StartAsync(provider, null, ct);
        await ProgramSeed.AddAsync(host, "later", 3, 30, ct);
        await ProgramSeed.AddAsync(host, "now", -3, 3, ct);
        await ProgramSeed.AddAsync(host, "over", -30, -1, ct);
        await ProgramSeed.AddAsync(host, "gone", -60, -30, ct, p => p.DisposedAtUtc = DateTime.UtcNow);
        using var admin = await host.SignInAsync("admin", ct);
        using var supervisor = await host.SignInAsync("supervisor", ct);
        using var operatorClient = await host.SignInAsync("operator", ct);

        // Act
        var list = WebUtility.HtmlDecode(await admin.GetStringAsync(new Uri("/console/programs", UriKind.Relative), ct));
        var console = WebUtility.HtmlDecode(await admin.GetStringAsync(new Uri("/console", UriKind.Relative), ct));
        using var supervisorList = await supervisor.GetAsync(new Uri("/console/programs", UriKind.Relative), ct);
        using var supervisorEdit = await supervisor.GetAsync(new Uri(Edit + "?program=now", UriKind.Relative), ct);
        using var operatorList = await operatorClient.GetAsync(new Uri("/console/programs", UriKind.Relative), ct);
        using var supervisorPost = await supervisor.PostAsync(new Uri(Edit + "?program=now&handler=save", UriKind.Relative), new FormUrlEncodedContent([]), ct);

        // Assert
        foreach (var (code, state) in new[] { ("later", "開始前"), ("now", "受付中"), ("over", "終了"), ("gone", "廃棄済み") })
        {
            Assert.Matches($"data-program=\"{code}\"[\\s\\S]*?<td data-state=\"[A-Za-z]+\">{state}</td>", list);
        }

        Assert.Contains("href=\"/console/programs\"", console, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, supervisorList.StatusCode);
        Assert.Contains("閲覧のみです。", WebUtility.HtmlDecode(await supervisorList.Content.ReadAsStringAsync(ct)), StringComparison.Ordinal);
        Assert.True(HubHost.IsRedirectTo(supervisorEdit, "/account/denied"), supervisorEdit.StatusCode.ToString());
        Assert.True(HubHost.IsRedirectTo(operatorList, "/account/denied"), operatorList.StatusCode.ToString());
        Assert.True(HubHost.IsRedirectTo(supervisorPost, "/account/denied") || supervisorPost.StatusCode == HttpStatusCode.BadRequest, supervisorPost.StatusCode.ToString());
    }

    [Fact]
    public async Task StateToday_ClockCrossesTheDates_MovesFromNotStartedToEnded()
    {
        // Arrange: a program of 2027-04-01 to 2027-09-30 (Japan days), read at instants around its edges.
        var ct = TestTimeout.Token(120);
        await using var host = await HubHost.StartAsync(provider, null, ct);
        var program = await ProgramSeed.AddAsync(host, "clocked", 0, 0, ct, p =>
        {
            p.StartsOn = new DateOnly(2027, 4, 1);
            p.ServiceEndsOn = new DateOnly(2027, 9, 30);
            p.DisposalOn = new DateOnly(2028, 3, 31);
        });
        await using var scope = host.Services.CreateAsyncScope();

        ProgramServiceState StateAt(string utc)
        {
            var catalog = ActivatorUtilities.CreateInstance<ProgramCatalog>(scope.ServiceProvider, (TimeProvider)new TestClock(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture)));
            return catalog.StateToday(program);
        }

        // Act + Assert: Japan's day turns at 15:00 UTC.
        Assert.Equal(ProgramServiceState.NotStarted, StateAt("2027-03-31T14:59:59Z"));
        Assert.Equal(ProgramServiceState.InService, StateAt("2027-03-31T15:00:00Z"));
        Assert.Equal(ProgramServiceState.InService, StateAt("2027-09-30T14:59:59Z"));
        Assert.Equal(ProgramServiceState.Ended, StateAt("2027-09-30T15:00:00Z"));
        program.DisposedAtUtc = new DateTime(2028, 3, 31, 0, 0, 0, DateTimeKind.Utc);
        Assert.Equal(ProgramServiceState.Disposed, StateAt("2028-04-01T00:00:00Z"));
    }
}

public sealed class SqliteProgramAdministrationTests() : ProgramAdministrationTests(DatabaseProvider.Sqlite);

public sealed class PostgresProgramAdministrationTests() : ProgramAdministrationTests(DatabaseProvider.Postgres);
