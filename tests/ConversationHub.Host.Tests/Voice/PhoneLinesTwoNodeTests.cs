using System.Net;
using ConversationHub.Core.Persistence;
using ConversationHub.Host.Tests.Cases;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using ConversationHub.VoiceBridge.Calls;
using ConversationHub.VoiceBridge.Simulator;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.Voice;

/// <summary>
/// Two nodes on one PostgreSQL, the lines seeded from configuration: the emergency switch turned on at node A forwards the
/// next call that rings at node B (its cache reloaded by PostgreSQL NOTIFY), and turned off, B meets calls normally again.
/// </summary>
public sealed class PhoneLinesTwoNodeTests
{
    private const string Line = "+81312340000";
    private const string Target = "+81312349999";
    private const string Caller = "+819011112222";

    [Fact]
    public async Task SwitchOnNodeA_CallOnNodeBIsForwarded_AndSwitchedOffIsNot()
    {
        // Arrange: Voice:Lines seeds the one line (and no demo line), once for both nodes.
        var ct = TestTimeout.Token(180);
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, ct);
        var pii = TestPii.CreateOptions();
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Voice:Lines:0:Number"] = Line,
            ["Voice:Lines:0:Name"] = "代表電話",
            ["Voice:Lines:0:MaxQueueLength"] = "4",
            // The stand-in rings only the numbers it is told are the city's.
            ["Voice:Simulator:CityNumbers:0"] = Line,
        };
        await using var nodeA = HubHost.Start(database, ownsDatabase: false, pii, settings);
        await using var nodeB = HubHost.Start(database, ownsDatabase: false, pii, settings);
        using var admin = await nodeA.SignInAsync("admin", ct);
        var lines = await admin.GetJsonAsync("/api/voice/lines", HttpStatusCode.OK, ct);
        Assert.Equal([Line], lines.EnumerateArray().Select(l => l.GetProperty("number").GetString()));
        Assert.Equal(4, lines[0].GetProperty("maxQueueLength").GetInt32());
        var cacheB = nodeB.Services.GetRequiredService<PhoneLines>();
        Assert.Null(cacheB.Find(Line)!.EmergencyForwardTo);

        // Act: switch on at node A.
        await admin.PostJsonAsync($"/api/voice/lines/{Uri.EscapeDataString(Line)}/emergency", new { on = true, forwardTo = Target, version = 0 }, HttpStatusCode.OK, ct);

        // Assert: node B's cache follows, and a call ringing at node B is transferred to the target.
        await Eventually.UntilAsync(() => cacheB.Find(Line)?.EmergencyForwardTo, "node B's cache reloaded", ct);
        var phone = nodeB.Services.GetRequiredService<SimulatedPhone>();
        var call = phone.PlaceCall(Caller, Line)!;
        var target = await Eventually.UntilAsync(() => call.TransferTarget, "the call transferred", ct);
        Assert.Equal(Target, (string?)target["phoneNumber"]?["value"]);

        // Switched off at node A: node B meets the next call itself again.
        await admin.PostJsonAsync($"/api/voice/lines/{Uri.EscapeDataString(Line)}/emergency", new { on = false, version = 1 }, HttpStatusCode.OK, ct);
        await Eventually.UntilAsync(() => cacheB.Find(Line) is { EmergencyForwardTo: null } ? "off" : null, "node B's cache reloaded again", ct);
    }
}
