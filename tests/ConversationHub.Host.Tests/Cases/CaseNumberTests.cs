using System.Net;
using ConversationHub.Core.Persistence;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;

namespace ConversationHub.Host.Tests.Cases;

/// <summary>Case numbers have no gaps and no repeats, also when two nodes on one PostgreSQL make cases at the same moment.</summary>
public sealed class CaseNumberTests
{
    [Fact]
    public async Task TwoNodes_CreatingAtOnce_GiveGaplessUniqueNumbers()
    {
        var ct = TestTimeout.Token(180);
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, ct);
        var pii = TestPii.CreateOptions();
        await using var nodeA = HubHost.Start(database, ownsDatabase: false, pii);
        await using var nodeB = HubHost.Start(database, ownsDatabase: false, pii);
        using var a = await nodeA.SignInAsync("operator", ct);
        using var b = await nodeB.SignInAsync("supervisor", ct);

        const int PerNode = 15;
        var creations = Enumerable.Range(0, PerNode).SelectMany(i => new[]
        {
            a.CreateCaseAsync(new { subject = $"A{i}" }, ct),
            b.CreateCaseAsync(new { subject = $"B{i}" }, ct),
        });
        var created = await Task.WhenAll(creations);

        var sequences = created.Select(c => int.Parse(c.GetProperty("number").GetString()![7..], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(Enumerable.Range(1, 2 * PerNode), sequences);
        Assert.Single(created.Select(c => c.GetProperty("number").GetString()![..7]).Distinct());

        // A refused case takes no number: the next one follows without a gap.
        await a.PostJsonAsync("/api/cases", new { @case = new { contactEmail = "broken" } }, HttpStatusCode.BadRequest, ct);
        var next = await b.CreateCaseAsync(new { subject = "next" }, ct);
        Assert.EndsWith((2 * PerNode + 1).ToString("000000", System.Globalization.CultureInfo.InvariantCulture), next.GetProperty("number").GetString(), StringComparison.Ordinal);

        // The list's search, sort and dashboard and the export read the same on PostgreSQL.
        var found = await a.GetJsonAsync("/api/cases?q=B1&sort=subject&desc=false", HttpStatusCode.OK, ct);
        Assert.Equal(["B1", "B10", "B11", "B12", "B13", "B14"], found.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("subject").GetString()));
        var dashboard = await b.GetJsonAsync("/api/cases/dashboard", HttpStatusCode.OK, ct);
        Assert.Equal(2 * PerNode + 1, dashboard.GetProperty("open").GetInt32());
        var csv = await a.GetStringAsync(new Uri("/api/cases/export?q=A1", UriKind.Relative), ct);
        Assert.Equal(7, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
