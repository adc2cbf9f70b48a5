using System.Net;
using ConversationHub.Core.Events;
using ConversationHub.Core.Programs;
using ConversationHub.Faq.Persistence;
using ConversationHub.Faq.ProgramFaqs;
using ConversationHub.Faq.Search.Service;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Core.Persistence;
using ConversationHub.Host.Tests.DirectLine;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.Programs.FaqLanguages;

/// <summary>
/// KeepFaqsAfterEnd with an injected clock: after its last day of service a program's FAQ set (listed by id or external
/// key) leaves the public page, search and the bot without a restart; a program that keeps its FAQs keeps them; an FAQ
/// that only shares the program's field stays; extending the service brings the FAQs back.
/// </summary>
public abstract class ProgramFaqsAfterEndTests(DatabaseProvider provider)
{
    [Fact]
    public async Task AfterEnd_ListedFaqsWithheldUnlessKept_BackWhenExtended()
    {
        // Arrange: "ending" lists coupon-001 (by id) and coupon-002 (by key) in the field 子育て; "keeping" lists coupon-005
        // and keeps it; coupon-004 is in the same field but listed by neither. Both end in 3 days.
        var ct = TestTimeout.Token(300);
        var clock = new MovableClock();
        var database = await TestDatabase.CreateAsync(provider, ct);
        await using var host = HubHost.Start(database, ownsDatabase: true, TestPii.CreateOptions(), services: s => s.AddSingleton<TimeProvider>(clock));
        var first = await FaqLanguageTestData.FaqAsync(host, "coupon-001", ct);
        var second = await FaqLanguageTestData.FaqAsync(host, "coupon-002", ct);
        var kept = await FaqLanguageTestData.FaqAsync(host, "coupon-005", ct);
        var sameField = await FaqLanguageTestData.FaqAsync(host, "coupon-004", ct);
        await WithoutDemoProgramFaqsAsync(host, ct);
        var ending = await ProgramSeed.AddAsync(host, "ending", -10, 3, ct, p => (p.FaqCategory, p.FaqIds) = ("子育て", $"{first.Id}, coupon-002"));
        await ProgramSeed.AddAsync(host, "keeping", -10, 3, ct, p => (p.FaqIds, p.KeepFaqsAfterEnd) = ("coupon-005", true));
        await SyncAsync(host, ct);
        var search = host.Services.GetRequiredService<FaqSearchService>();
        // What the sync's faq.changed event does on every node, done here so the test does not race it.
        await using (var scope = host.Services.CreateAsyncScope())
            search.ReplaceAll(await FaqSearchDocuments.LoadAsync(scope.ServiceProvider.GetRequiredService<FaqDbContext>(), null, ct));
        using var site = host.CreateClient();
        var before = await StatusesAsync(site, [first, second, kept, sameField], ct);
        var foundBefore = Found(search, first);

        // Act: four days later (past the last day of service, Japan time); no restart, no sync.
        clock.Offset = TimeSpan.FromDays(4);
        var after = await StatusesAsync(site, [first, second, kept, sameField], ct);
        var foundAfter = (First: Found(search, first), Second: Found(search, second), Kept: Found(search, kept));
        var botAnswers = await BotAnswersAsync(host, first.Question, ct);

        // Act: an administrator extends the service; the programs' rules change and every node hears of it.
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var handoff = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
            var program = await handoff.Programs.SingleAsync(p => p.Id == ending.Id, ct);
            program.ServiceEndsOn = program.ServiceEndsOn.AddDays(30);
            program.DisposalOn = program.DisposalOn.AddDays(30);
            await handoff.SaveChangesAsync(ct);
            await scope.ServiceProvider.GetRequiredService<IHubEvents>().PublishAsync(IProgramFaqRules.ChangedTopic, ending.Id.ToString(), ct);
        }

        await Eventually.UntilAsync(() => Task.FromResult(Found(search, first) ? (object)true : null), "the extended program's FAQ back in search", ct);
        var extended = await StatusesAsync(site, [first, second], ct);

        // Assert
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], before);
        Assert.True(foundBefore);
        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.OK, HttpStatusCode.OK], after);
        Assert.Equal((false, false, true), foundAfter);
        Assert.DoesNotContain(first.Id.ToString(), botAnswers);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], extended);
        await using var check = host.Services.CreateAsyncScope();
        var holds = await check.ServiceProvider.GetRequiredService<FaqDbContext>().ProgramHolds.AsNoTracking().ToListAsync(ct);
        Assert.Equal(2, holds.Count);
        Assert.All(holds, h => Assert.True(h.WithheldFromUtc > clock.GetUtcNow().UtcDateTime.AddDays(20)));
        Assert.All(holds, h => Assert.Equal("テスト施策 ending", h.Programs));
    }

    // The demo's coupon program lists the coupon FAQs too (ending months from now): the test's programs alone decide here.
    private static async Task WithoutDemoProgramFaqsAsync(HubHost host, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var handoff = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
        await handoff.Programs.ExecuteUpdateAsync(s => s.SetProperty(p => p.FaqIds, (string?)null), ct);
    }

    private static async Task SyncAsync(HubHost host, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ProgramFaqHoldSync>().RunAsync(ct);
        var holds = await scope.ServiceProvider.GetRequiredService<FaqDbContext>().ProgramHolds.CountAsync(ct);
        Assert.Equal(2, holds);
    }

    private static bool Found(FaqSearchService search, (Guid Id, string Question) faq) =>
        search.Search(faq.Question, FaqAudience.Public).Any(r => r.FaqId == faq.Id);

    private static async Task<List<HttpStatusCode>> StatusesAsync(HttpClient site, IEnumerable<(Guid Id, string Question)> faqs, CancellationToken ct)
    {
        var statuses = new List<HttpStatusCode>();
        foreach (var faq in faqs)
        {
            using var response = await site.GetAsync(new Uri(FaqLanguageTestData.PagePath(faq.Id, faq.Question), UriKind.Relative), ct);
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }

    // The FAQ ids the bot answered a question with.
    private static async Task<List<string>> BotAnswersAsync(HubHost host, string question, CancellationToken ct)
    {
        using var citizen = new DirectLineTestClient(host.CreateClient());
        await citizen.StartAsync(ct);
        await citizen.PollUntilAsync(a => a.Any(DirectLineTestClient.IsBotMessage), ct);
        await citizen.SayAsync(question, "after-end-1", ct);
        var (activities, _) = await citizen.PollUntilAsync(a => a.Count(DirectLineTestClient.IsBotMessage) >= 2, ct);
        return [.. activities.Where(DirectLineTestClient.IsBotMessage)
            .Select(a => a.TryGetProperty("channelData", out var data) && data.TryGetProperty("hub:faqId", out var id) ? id.GetString() : null)
            .OfType<string>()];
    }
}

public sealed class SqliteProgramFaqsAfterEndTests() : ProgramFaqsAfterEndTests(DatabaseProvider.Sqlite);

public sealed class PostgresProgramFaqsAfterEndTests() : ProgramFaqsAfterEndTests(DatabaseProvider.Postgres);
