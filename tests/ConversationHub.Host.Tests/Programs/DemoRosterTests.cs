using ConversationHub.Core.Persistence;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.Programs;

/// <summary>
/// The demo city's coupon program comes with a roster (issue 19), so a fresh demo's roster page finds the households the
/// README names; a restart imports nothing twice.
/// </summary>
public sealed class DemoRosterTests
{
    private const string Page = "/console/programs/roster?program=coupon";

    [Fact]
    public async Task DemoCity_CouponRoster_FindsNamedHouseholdsOnceAcrossRestarts()
    {
        // Arrange: a demo city started twice on one database.
        var ct = TestTimeout.Token(180);
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, ct);
        var pii = TestPii.CreateOptions();
        await using (HubHost.Start(database, ownsDatabase: false, pii))
        {
        }

        await using var host = HubHost.Start(database, ownsDatabase: false, pii);
        using var agent = await host.SignInAsync("operator", ct);

        // Act: the README's households by head and by child, and a wrong date of birth.
        var head = await RosterTestData.LookUpAsync(agent, "若葉 花子", "1988-05-10", "123-4567", ct, Page);
        var child = await RosterTestData.LookUpAsync(agent, "青葉 さくら", "2021-12-01", "123-4568", ct, Page);
        var era = await RosterTestData.LookUpAsync(agent, "桜木 蓮", "平成22年6月8日", "123-4569", ct, Page);
        var none = await RosterTestData.LookUpAsync(agent, "若葉 花子", "1988-05-11", "123-4567", ct, Page);

        // Assert
        Assert.Contains("若葉市中央1-2-3", head.Body, StringComparison.Ordinal);
        Assert.Contains("若葉 大翔", head.Body, StringComparison.Ordinal);
        Assert.Contains("若葉市青葉台4-5-6", child.Body, StringComparison.Ordinal);
        Assert.Contains("若葉市桜木町7-8-9", era.Body, StringComparison.Ordinal);
        Assert.Contains("該当する世帯は名簿にありません", none.Body, StringComparison.Ordinal);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
        var program = await db.Programs.AsNoTracking().SingleAsync(p => p.Code == "coupon", ct);
        Assert.Equal(1, await db.RosterImports.CountAsync(i => i.ProgramId == program.Id, ct));
        Assert.Equal(63, await db.RosterHouseholds.CountAsync(h => h.ProgramId == program.Id, ct));
    }
}
