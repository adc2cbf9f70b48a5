using System.Net;
using ConversationHub.Core.Persistence;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Handoff.Programs.Forms;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.Programs.Forms;

/// <summary>
/// The public version of a form (<c>/programs/{code}/forms/{id}</c>, anonymous): a citizen confirms and sends while the
/// program is in service; after its last day (an injected clock crosses it) the page shows the end message and
/// guidance and a send changes nothing; a form that does not allow citizens is not found.
/// </summary>
public abstract class PublicProgramFormTests(DatabaseProvider provider)
{
    [Fact]
    public async Task Submit_BeforeAndAfterEndOfService_AcceptedThenClosedWithEndMessage()
    {
        // Arrange: 10:00 in Japan on the program's last day.
        var ct = TestTimeout.Token(180);
        var clock = new TestClock(new DateTimeOffset(2026, 12, 7, 1, 0, 0, TimeSpan.Zero));
        await using var database = await TestDatabase.CreateAsync(provider, ct);
        await using var host = HubHost.Start(database, ownsDatabase: false, TestPii.CreateOptions(),
            new Dictionary<string, string?> { ["Inquiry:MinFillTime"] = "00:00:00" }, services => services.AddSingleton<TimeProvider>(clock));
        var program = await ProgramFormTestData.ProgramAsync(host, ct, endsOn: new DateOnly(2026, 12, 7));
        var form = await ProgramFormTestData.FormAsync(host, program, ct, publicAllowed: true);
        var agentsOnly = await ProgramFormTestData.FormAsync(host, program, ct);
        using var citizen = host.CreateBrowserClient();
        var path = $"/programs/{program.Code}/forms/{form.FormId}";

        // Act: in service, confirm then send what the confirmation carries.
        var blank = await citizen.GetStringAsync(new Uri(path, UriKind.Relative), ct);
        using var confirm = await ProgramFormTestData.PostAsync(citizen, path, "confirm", [.. ProgramFormTestData.GoodAnswers(), new("ticket", Ticket(blank)), new("version", "1")], ct);
        var confirmPage = await confirm.Content.ReadAsStringAsync(ct);
        using var sent = await ProgramFormTestData.PostAsync(citizen, path, "submit",
            [.. ProgramFormTestData.HiddenAnswers(confirmPage), new("ticket", Ticket(confirmPage)), new("version", "1"), new("website", "")], ct);
        var countInService = await EntriesAsync(host, form.FormId, ct);
        using var hidden = await citizen.GetAsync(new Uri($"/programs/{program.Code}/forms/{agentsOnly.FormId}", UriKind.Relative), ct);

        // Act: the next Japan day, the program has ended.
        clock.Advance(TimeSpan.FromDays(1));
        using var endedPage = await citizen.GetAsync(new Uri(path, UriKind.Relative), ct);
        var ended = WebUtility.HtmlDecode(await endedPage.Content.ReadAsStringAsync(ct));
        using var late = await ProgramFormTestData.PostAsync(citizen, path, "submit",
            [.. ProgramFormTestData.HiddenAnswers(confirmPage), new("ticket", Ticket(confirmPage)), new("version", "1")], ct, tokenPage: confirmPage);
        var lateBody = await late.Content.ReadAsStringAsync(ct);

        // Assert
        Assert.Contains("入力内容の確認", confirmPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Contains("done=", sent.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, countInService);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(HttpStatusCode.OK, endedPage.StatusCode);
        Assert.Contains("市民マラソン申込の受付は終了しました。", ended, StringComparison.Ordinal);
        Assert.Contains("市民マラソンの申込受付は終了しました。", ended, StringComparison.Ordinal);
        Assert.Contains("スポーツ振興課（電話 0123-45-6789）", ended, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"public-form\"", ended, StringComparison.Ordinal);
        Assert.Contains("id=\"form-closed\"", lateBody, StringComparison.Ordinal);
        Assert.Equal(1, await EntriesAsync(host, form.FormId, ct));
        await using var scope = host.Services.CreateAsyncScope();
        var entry = await scope.ServiceProvider.GetRequiredService<HandoffDbContext>().ProgramFormEntries.AsNoTracking().SingleAsync(e => e.FormId == form.FormId, ct);
        Assert.Equal((ProgramFormEntry.PublicSource, (Guid?)null, new DateOnly(2026, 12, 7)), (entry.Source, entry.TakenBy, entry.TakenOn));
    }

    [Fact]
    public async Task Submit_HoneypotFilledOrBadAnswers_NothingSaved()
    {
        // Arrange
        var ct = TestTimeout.Token(180);
        await using var host = await HubHost.StartAsync(provider, new Dictionary<string, string?> { ["Inquiry:MinFillTime"] = "00:00:00" }, ct);
        var program = await ProgramFormTestData.ProgramAsync(host, ct);
        var form = await ProgramFormTestData.FormAsync(host, program, ct, publicAllowed: true);
        using var citizen = host.CreateBrowserClient();
        var path = $"/programs/{program.Code}/forms/{form.FormId}";
        var blank = await citizen.GetStringAsync(new Uri(path, UriKind.Relative), ct);

        // Act
        using var bot = await ProgramFormTestData.PostAsync(citizen, path, "submit", [.. ProgramFormTestData.GoodAnswers(), new("ticket", Ticket(blank)), new("website", "http://spam.example")], ct);
        using var bad = await ProgramFormTestData.PostAsync(citizen, path, "submit", [.. ProgramFormTestData.GoodAnswers().With("f.phone", "abc"), new("ticket", Ticket(blank))], ct);
        var badPage = await bad.Content.ReadAsStringAsync(ct);

        // Assert: the script sees success; the citizen sees the message; nothing is stored.
        Assert.Equal(HttpStatusCode.Redirect, bot.StatusCode);
        Assert.Contains("「電話番号」は0から始まる10桁か11桁の電話番号", badPage, StringComparison.Ordinal);
        Assert.Equal(0, await EntriesAsync(host, form.FormId, ct));
    }

    [Fact]
    public async Task Submit_OverTheInquiryFormsLimit_429InJapaneseNothingMoreSaved()
    {
        // Arrange: one send per address per window, as the inquiry form's setting says.
        var ct = TestTimeout.Token(180);
        await using var host = await HubHost.StartAsync(provider, new Dictionary<string, string?> { ["Inquiry:MinFillTime"] = "00:00:00", ["Inquiry:RateLimitPermits"] = "1" }, ct);
        var program = await ProgramFormTestData.ProgramAsync(host, ct);
        var form = await ProgramFormTestData.FormAsync(host, program, ct, publicAllowed: true);
        using var citizen = host.CreateBrowserClient();
        var path = $"/programs/{program.Code}/forms/{form.FormId}";
        var blank = await citizen.GetStringAsync(new Uri(path, UriKind.Relative), ct);

        // Act
        using var first = await ProgramFormTestData.PostAsync(citizen, path, "submit", [.. ProgramFormTestData.GoodAnswers(), new("ticket", Ticket(blank))], ct);
        using var second = await ProgramFormTestData.PostAsync(citizen, path, "submit", [.. ProgramFormTestData.GoodAnswers("若葉 次郎"), new("ticket", Ticket(blank))], ct);
        var refused = WebUtility.HtmlDecode(await second.Content.ReadAsStringAsync(ct));

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.True(second.Headers.RetryAfter is not null);
        Assert.Contains("受付を一時停止しています", refused, StringComparison.Ordinal);
        Assert.Equal(1, await EntriesAsync(host, form.FormId, ct));
    }

    private static string Ticket(string page) =>
        System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(page, "name=\"ticket\" value=\"([^\"]+)\"").Groups[1].Value);

    private static async Task<int> EntriesAsync(HubHost host, Guid formId, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HandoffDbContext>().ProgramFormEntries.CountAsync(e => e.FormId == formId, ct);
    }
}

public sealed class SqlitePublicProgramFormTests() : PublicProgramFormTests(DatabaseProvider.Sqlite);

public sealed class PostgresPublicProgramFormTests() : PublicProgramFormTests(DatabaseProvider.Postgres);
