using System.Net;
using ConversationHub.Core.Calendar;
using ConversationHub.Core.ContactEvents.Domain;
using ConversationHub.Core.Persistence;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Host.Tests.Cases;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Host.Tests.Programs;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.Reports;

/// <summary>
/// The self-service report filtered by program (施策, issue 19): the bot's figures and FAQ answers from the daily
/// roll-ups' program rows, the arrivals and cases of the program only, the FAQ site's figures (no program's) left out,
/// the download filtered the same way, and an unknown program refused by both.
/// </summary>
public sealed partial class SelfServiceReportPageTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task SelfServiceReport_ProgramFilter_CountsOnlyTheProgramsContactsAndCases(DatabaseProvider provider)
    {
        // Arrange: two program conversations on web chat (one handed off), one ordinary on web chat and one on LINE;
        // two cases, one of them the program's.
        var ct = TestTimeout.Token(240);
        await using var host = await HubHost.StartAsync(provider, null, ct);
        var program = await ProgramSeed.AddAsync(host, "ssprog", -10, 30, ct);
        var (first, second) = await TwoFaqsAsync(host, ct);
        var today = ProgramSeed.TodayInJapan;
        var at = JapanTime.At(today.AddDays(-1), new TimeOnly(10, 0)).UtcDateTime;
        var (p1, p2, o1, o2) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await RecordAndFoldAsync(host,
        [
            new("ssp:p1:arrived", ContactEventKind.Arrived, ContactChannel.WebChat, at) { ConversationId = p1, ProgramId = program.Id },
            new("ssp:p1:bot", ContactEventKind.BotAnswered, ContactChannel.WebChat, at) { ConversationId = p1, ProgramId = program.Id, FaqId = first.Id.ToString() },
            new("ssp:p2:arrived", ContactEventKind.Arrived, ContactChannel.WebChat, at) { ConversationId = p2, ProgramId = program.Id },
            new("ssp:p2:bot", ContactEventKind.BotAnswered, ContactChannel.WebChat, at) { ConversationId = p2, ProgramId = program.Id, FaqId = first.Id.ToString() },
            new("ssp:o1:arrived", ContactEventKind.Arrived, ContactChannel.WebChat, at) { ConversationId = o1 },
            new("ssp:o1:bot", ContactEventKind.BotAnswered, ContactChannel.WebChat, at) { ConversationId = o1, FaqId = second.Id.ToString() },
            new("ssp:o2:arrived", ContactEventKind.Arrived, ContactChannel.Line, at) { ConversationId = o2 },
            new("ssp:o2:bot", ContactEventKind.BotAnswered, ContactChannel.Line, at) { ConversationId = o2, FaqId = first.Id.ToString() },
        ], ct);
        // A later pass: the program conversation's hand-off lands on the row of its bot answer.
        await RecordAndFoldAsync(host,
            [new("ssp:p2:handed", ContactEventKind.HandedOff, ContactChannel.WebChat, at.AddMinutes(5)) { ConversationId = p2, ProgramId = program.Id }], ct);
        await SeedProgramCaseAsync(host, program.Id, ct);
        using var supervisor = await host.SignInAsync("supervisor", ct);
        var period = $"from={today.AddDays(-7):yyyy-MM-dd}&to={today:yyyy-MM-dd}";

        // Act
        var center = await GetPageAsync(host, supervisor, period, ct);
        var programOnly = await GetPageAsync(host, supervisor, period + "&program=ssprog", ct);
        using var unknown = await supervisor.GetAsync(Page(period + "&program=nosuch"), ct);
        var csv = await supervisor.GetStringAsync(new Uri("/console/reports/self-service/export?" + period + "&program=ssprog&format=csv&encoding=utf8", UriKind.Relative), ct);
        using var xlsx = await supervisor.GetAsync(new Uri("/console/reports/self-service/export?" + period + "&program=ssprog&format=xlsx", UriKind.Relative), ct);
        using var unknownExport = await supervisor.GetAsync(new Uri("/console/reports/self-service/export?" + period + "&program=nosuch&format=csv", UriKind.Relative), ct);

        // Assert: the center counts everyone (受付, ボット回答会話, うち引継ぎ, 完結, 率).
        var all = Rows(Table(center, "bot-resolved"));
        Assert.Equal(["3", "3", "1", "2", "66.7%"], all["Webチャット"]);
        Assert.Equal(["4", "4", "1", "3", "75.0%"], all["合計"]);
        Assert.Equal([["3"], ["1"]], RankedCells(Table(center, "top-faqs")));
        Assert.Equal("2", Rows(Table(center, "case-trend"))["合計"][^1]);
        Assert.Contains("id=\"search-terms\"", center, StringComparison.Ordinal);

        // The program: its two conversations, its FAQ answers, its case; the FAQ site's figures are not its.
        var mine = Rows(Table(programOnly, "bot-resolved"));
        Assert.Equal(["Webチャット", "合計"], [.. mine.Keys]);
        Assert.Equal(["2", "2", "1", "1", "50.0%"], mine["合計"]);
        Assert.Equal([["2"]], RankedCells(Table(programOnly, "top-faqs")));
        Assert.Contains(first.Question, Table(programOnly, "top-faqs"), StringComparison.Ordinal);
        Assert.Equal("1", Rows(Table(programOnly, "case-trend"))["合計"][^1]);
        Assert.Contains("施策「テスト施策 ssprog」の受付だけを集計しています。", programOnly, StringComparison.Ordinal);
        Assert.Contains("<option value=\"ssprog\" selected=\"selected\">", programOnly, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"search-terms\"", programOnly, StringComparison.Ordinal);
        Assert.Contains("id=\"program-site-figures\"", programOnly, StringComparison.Ordinal);

        Assert.Contains("/console/reports/self-service/export?from=", programOnly, StringComparison.Ordinal);
        Assert.Contains("program=ssprog&amp;format=csv", programOnly, StringComparison.Ordinal);

        // The download carries the filter: the program's figures, not the center's, and no FAQ site tables.
        Assert.Contains("Webチャット,2,2,1,1,50.0%", csv, StringComparison.Ordinal);
        Assert.Contains("合計,2,2,1,1,50.0%", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("Webチャット,3,3,1,2,66.7%", csv, StringComparison.Ordinal);
        Assert.Contains(first.Question, csv, StringComparison.Ordinal);
        Assert.DoesNotContain(second.Question, csv, StringComparison.Ordinal);
        Assert.DoesNotContain("よく検索された語", csv, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("指定された施策が見つかりません", await unknown.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unknownExport.StatusCode);
        Assert.Contains("指定された施策が見つかりません", await unknownExport.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }

    // Two cases typed in by an operator; the first is then the program's, as a case from a program's conversation is.
    private static async Task SeedProgramCaseAsync(HubHost host, Guid programId, CancellationToken ct)
    {
        using var op = await host.SignInAsync("operator", ct);
        var ofProgram = (await op.CreateCaseAsync(new { subject = "施策の問い合わせ" }, ct)).GetProperty("id").GetGuid();
        await op.CreateCaseAsync(new { subject = "問い合わせ" }, ct);
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<HandoffDbContext>().Cases.Where(c => c.Id == ofProgram)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ProgramId, programId), ct);
    }
}
