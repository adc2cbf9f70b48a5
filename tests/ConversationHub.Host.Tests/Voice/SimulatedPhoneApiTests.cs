using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ConversationHub.Core.Persistence;
using ConversationHub.Host.Tests.Handoff;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using ConversationHub.VoiceBridge.Simulator;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.Voice;

/// <summary>
/// The simulator's driver API as the phone page uses it (issue 16): the lines it can dial and the caller's default number,
/// a call placed without a caller number, prompts with their words (SSML without markup), what the call listens for, words
/// refused with 409 when nothing listens for speech, the SMS of this call only, and who may use it; with ACS as the voice
/// provider the API and the page's link are gone and the page says why. A prompt that listens wakes the driver's long poll.
/// </summary>
public sealed class SimulatedPhoneApiTests
{
    private const string City = "+81501234567";
    // Rung by the stand-in but no line of the city: the voicebot leaves it ringing.
    private const string NotALine = "+81509999999";
    // A line whose emergency switch forwards every call.
    private const string Forwarded = "+81502222222";
    private const string Switchboard = "+81300000000";

    [Fact]
    public async Task Call_ThroughTheApi_LinesPromptsListeningSpeechAndSmsOfTheCall()
    {
        // Arrange
        var ct = TestTimeout.Token(150);
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, HandoffSettings.OpenAllDay(new Dictionary<string, string?>
        {
            ["Voice:Simulator:CityNumbers:0"] = City,
            ["Voice:Simulator:CityNumbers:1"] = NotALine,
            ["Voice:Simulator:CityNumbers:2"] = Forwarded,
            ["Voice:Lines:0:Number"] = City,
            ["Voice:Lines:0:Name"] = "代表",
            ["Voice:Lines:1:Number"] = Forwarded,
            ["Voice:Lines:1:Name"] = "災害時切替",
            ["Voice:Lines:1:EmergencyForwardTo"] = Switchboard,
        }), ct);
        using var staff = await host.SignInAsync("operator", ct);
        using var anonymous = host.CreateBrowserClient();

        // Act + Assert: only the city's lines are offered, with their names, and the default caller.
        var book = (await staff.GetFromJsonAsync<JsonObject>("/api/voice/simulator/lines", ct))!;
        Assert.Equal([$"{City} 代表", $"{Forwarded} 災害時切替"], book["lines"]!.AsArray().Select(l => $"{l!["number"]} {l["name"]}"));
        var defaultCaller = (string)book["defaultCaller"]!;
        Assert.StartsWith("+81", defaultCaller, StringComparison.Ordinal);
        using (var refused = await anonymous.GetAsync(new Uri("/api/voice/simulator/lines", UriKind.Relative), ct))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        // A number the stand-in rings but no line answers: nothing listens, so words are refused with 409.
        var ringing = await PlaceAsync(staff, NotALine, ct);
        Assert.Equal("ringing", (string?)ringing["state"]);
        Assert.Null((string?)ringing["listening"]);
        using (var unheard = await staff.PostAsJsonAsync($"/api/voice/simulator/calls/{ringing["id"]}/speech", new { text = "もしもし" }, ct))
        {
            Assert.Equal(HttpStatusCode.Conflict, unheard.StatusCode);
        }

        // A prompt that listens wakes the long poll at once, not when its recognize times out (the page would lag 10 s).
        var phone = host.Services.GetRequiredService<SimulatedPhone>();
        var ringingCall = phone.Find((string)ringing["id"]!)!;
        var poll = phone.HeardAsync(ringingCall, 0, TimeSpan.FromSeconds(20), ct);
        host.Services.GetRequiredService<AcsStandIn>().StartRecognize(ringingCall, new PendingRecognize { InputType = "dtmf" },
            [new JsonObject { ["kind"] = "text", ["text"] = new JsonObject { ["text"] = "番号を押してください" } }], TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(5));
        var woke = await Task.WhenAny(poll, Task.Delay(TimeSpan.FromSeconds(5), ct));
        Assert.Same(poll, woke);
        Assert.Equal("番号を押してください", Assert.Single(await poll).Content);
        host.Services.GetRequiredService<AcsStandIn>().CancelMedia(ringingCall);

        // The switched line: the call is forwarded (transferred) and ends on the simulator's side.
        var forwarded = await PlaceAsync(staff, Forwarded, ct);
        var transferred = await Eventually.UntilAsync(async () =>
            await GetCallAsync(staff, (string)forwarded["id"]!, ct) is { } c && (string?)c["state"] == "disconnected" ? c : null, "the transfer", ct);
        Assert.True((bool)transferred["transferred"]!);
        Assert.Equal(Switchboard, (string?)transferred["transferredTo"]);

        // The demo line, with no caller number given: the default one; the greeting listens for keys or speech.
        var call = await PlaceAsync(staff, City, ct);
        var id = (string)call["id"]!;
        Assert.Equal(defaultCaller, (string?)call["from"]);
        var (greeting, after) = await PromptsUntilAsync(staff, id, 0, p => p.Any(x => ((string)x!["text"]!).Contains("お電話ありがとうございます", StringComparison.Ordinal)), ct);
        Assert.Equal("speechOrDtmf", (string?)greeting["listening"]);
        Assert.False((bool)greeting["transferred"]!);

        using (var said = await staff.PostAsJsonAsync($"/api/voice/simulator/calls/{id}/speech", new { text = "住民票の写しはどこで取れますか" }, ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, said.StatusCode);
        }

        // The answer is SSML for ACS and plain words for the page; then the SMS offer listens for keys only.
        var (offer, afterOffer) = await PromptsUntilAsync(staff, id, after, p => p.Any(x => ((string)x!["text"]!).Contains("ショートメッセージ", StringComparison.Ordinal)), ct);
        var answer = offer["all"]!.AsArray().First(p => (string?)p!["kind"] == "ssml")!;
        Assert.Contains("<speak", (string)answer["content"]!, StringComparison.Ordinal);
        Assert.DoesNotContain("<", (string)answer["text"]!, StringComparison.Ordinal);
        Assert.Contains("住民票", (string)answer["text"]!, StringComparison.Ordinal);
        await Eventually.UntilAsync(async () => (string?)(await GetCallAsync(staff, id, ct))["listening"] == "dtmf" ? "dtmf" : null, "the SMS offer's keys", ct);
        using (var keysOnly = await staff.PostAsJsonAsync($"/api/voice/simulator/calls/{id}/speech", new { text = "はい" }, ct))
        {
            Assert.Equal(HttpStatusCode.Conflict, keysOnly.StatusCode);
        }

        // 1: the SMS goes to this call's caller, from the line; another call's list stays empty.
        using (var pressed = await staff.PostAsJsonAsync($"/api/voice/simulator/calls/{id}/dtmf", new { keys = "1" }, ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, pressed.StatusCode);
        }

        var sms = await Eventually.UntilAsync(async () => (await staff.GetFromJsonAsync<JsonArray>($"/api/voice/simulator/calls/{id}/sms", ct))!.FirstOrDefault(), "the SMS", ct);
        Assert.Equal(City, (string?)sms!["from"]);
        Assert.Equal(defaultCaller, (string?)sms["to"]);
        Assert.Contains("/faq/", (string)sms["message"]!, StringComparison.Ordinal);
        Assert.Empty((await staff.GetFromJsonAsync<JsonArray>($"/api/voice/simulator/calls/{ringing["id"]}/sms", ct))!);
        using (var unknown = await staff.GetAsync(new Uri("/api/voice/simulator/calls/nope/sms", UriKind.Relative), ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        // Hang up: the call ends.
        using (var hungUp = await staff.PostAsync(new Uri($"/api/voice/simulator/calls/{id}/hangup", UriKind.Relative), null, ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, hungUp.StatusCode);
        }

        Assert.Equal("disconnected", (string?)(await GetCallAsync(staff, id, ct))["state"]);
        Assert.True(afterOffer > after);
    }

    [Fact]
    public async Task PhonePage_VoiceOnAcs_NoApiNoLinkAndTheReasonShown()
    {
        // Arrange: ACS configured (never called: no call is placed).
        var ct = TestTimeout.Token(90);
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?>
        {
            ["Voice:Provider"] = "Acs",
            ["Voice:Acs:Endpoint"] = "https://acs.example.invalid/",
            ["Voice:Acs:AccessKey"] = Convert.ToBase64String(new byte[32]),
            ["Voice:Acs:CallbackBaseUrl"] = "https://ivr.example.jp/",
            ["Voice:Acs:Audience"] = "00000000-1111-2222-3333-444444444444",
            ["Voice:Acs:CallbackSecret"] = "s3cret-callback-segment",
        }, ct);
        using var staff = await host.SignInAsync("operator", ct);
        using var anonymous = host.CreateBrowserClient();

        // Act
        using var api = await staff.GetAsync(new Uri("/api/voice/simulator/lines", UriKind.Relative), ct);
        var page = await staff.GetStringAsync(new Uri("/console/phone", UriKind.Relative), ct);
        var home = await staff.GetStringAsync(new Uri("/console", UriKind.Relative), ct);
        using var signIn = await anonymous.GetAsync(new Uri("/console/phone", UriKind.Relative), ct);

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Contains("電話シミュレーターは、音声をACSで運用しているため使えません。", page, StringComparison.Ordinal);
        Assert.DoesNotContain("phone.js", page, StringComparison.Ordinal);
        Assert.DoesNotContain("/console/phone", home, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains("/account/login", signIn.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    private static async Task<JsonObject> PlaceAsync(HttpClient staff, string to, CancellationToken ct)
    {
        using var placed = await staff.PostAsJsonAsync("/api/voice/simulator/calls", new { to }, ct);
        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
        return (await placed.Content.ReadFromJsonAsync<JsonObject>(ct))!;
    }

    private static async Task<JsonObject> GetCallAsync(HttpClient staff, string id, CancellationToken ct) =>
        (await staff.GetFromJsonAsync<JsonObject>($"/api/voice/simulator/calls/{id}", ct))!;

    // Long-polls until the prompts heard since `after` satisfy `done`; the last answer, with every prompt so far in "all".
    private static async Task<(JsonObject Last, int After)> PromptsUntilAsync(HttpClient staff, string id, int after, Func<JsonArray, bool> done, CancellationToken ct)
    {
        var all = new JsonArray();
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var heard = (await staff.GetFromJsonAsync<JsonObject>($"/api/voice/simulator/calls/{id}/prompts?after={after}&waitSeconds=5", ct))!;
            foreach (var prompt in heard["prompts"]!.AsArray())
            {
                after = Math.Max(after, (int)prompt!["sequence"]!);
                all.Add(prompt.DeepClone());
            }

            if (done(all))
            {
                heard["all"] = all;
                return (heard, after);
            }
        }
    }
}
