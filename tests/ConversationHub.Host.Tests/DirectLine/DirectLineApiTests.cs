using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ConversationHub.Testing;

namespace ConversationHub.Host.Tests.DirectLine;

/// <summary>The Direct Line 3.0 endpoints over real HTTP, as the official client calls them (shared/specs/directline.md).</summary>
public sealed class DirectLineApiTests(DirectLineHostFixture fixture) : IClassFixture<DirectLineHostFixture>
{
    private DirectLineTestClient NewClient() => new(fixture.Host.CreateClient());

    [Fact]
    public async Task GenerateToken_Anonymous_TokenForFreshUserAndConversation()
    {
        var ct = TestTimeout.Token();
        using var client = NewClient();

        var body = await client.GenerateAsync(ct);

        Assert.True(Guid.TryParse(body.GetProperty("conversationId").GetString(), out _));
        Assert.Equal(1800, body.GetProperty("expires_in").GetInt32());
        Assert.StartsWith("dl_", DirectLineTestClient.UserOf(client.Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefreshToken_ValidToken_NewTokenForSameConversation()
    {
        var ct = TestTimeout.Token();
        using var client = NewClient();
        await client.GenerateAsync(ct);

        using var response = await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", client.Token, null, ct);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        var refreshed = body.GetProperty("token").GetString()!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(client.ConversationId, body.GetProperty("conversationId").GetString());
        Assert.Equal(DirectLineTestClient.UserOf(client.Token), DirectLineTestClient.UserOf(refreshed));
        using var read = await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{client.ConversationId}/activities?watermark=", refreshed, null, ct);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task StartConversation_BoundToken_ReturnsItsConversationAndTheBotGreetsOnce()
    {
        var ct = TestTimeout.Token();
        using var client = NewClient();
        await client.GenerateAsync(ct);
        var generated = client.ConversationId;

        var body = await client.StartAsync(ct);
        await client.StartAsync(ct);
        var (activities, _) = await client.PollUntilAsync(a => a.Any(DirectLineTestClient.IsBotMessage), ct);
        await Task.Delay(500, ct);
        var (again, _) = await client.GetActivitiesAsync("", ct);

        Assert.Equal(generated, body.GetProperty("conversationId").GetString());
        Assert.StartsWith("ws://127.0.0.1:", client.StreamUrl, StringComparison.Ordinal);
        var greeting = activities.Single(DirectLineTestClient.IsBotMessage);
        Assert.Equal("faq-bot", greeting.GetProperty("from").GetProperty("id").GetString());
        Assert.Equal("若葉台市 FAQ", greeting.GetProperty("from").GetProperty("name").GetString());
        Assert.NotEmpty(greeting.GetProperty("suggestedActions").GetProperty("actions").EnumerateArray());
        Assert.Single(again, DirectLineTestClient.IsBotMessage);
    }

    [Fact]
    public async Task PostActivity_Question_EchoedWithClientActivityIdThenBotAnswersFromFaq()
    {
        var ct = TestTimeout.Token();
        using var client = NewClient();
        await client.StartAsync(ct);
        var user = DirectLineTestClient.UserOf(client.Token);

        var id = await client.SayAsync("住民票はどこで取れますか", "client-1", ct);
        var (activities, _) = await client.PollUntilAsync(a => a.Any(x => DirectLineTestClient.TextOf(x) == "解決しましたか？"), ct);

        var echo = activities.Single(a => a.GetProperty("id").GetString() == id);
        Assert.Equal("client-1", echo.GetProperty("channelData").GetProperty("clientActivityID").GetString());
        Assert.Equal(user, echo.GetProperty("from").GetProperty("id").GetString());
        Assert.Equal("user", echo.GetProperty("from").GetProperty("role").GetString());
        Assert.Equal("directline", echo.GetProperty("channelId").GetString());
        Assert.Equal(client.ConversationId, echo.GetProperty("conversation").GetProperty("id").GetString());
        // The greeting is produced by its own background turn and may land after the question on a busy machine;
        // the answer's activities are the typing indicator and the bot messages that reply to or follow it.
        var replies = activities.SkipWhile(a => a.GetProperty("id").GetString() != id).Skip(1)
            .Where(a => a.GetProperty("type").GetString() == "typing"
                || (a.TryGetProperty("replyToId", out var replyTo) && replyTo.GetString() == id)
                || DirectLineTestClient.TextOf(a) == "解決しましたか？")
            .ToList();
        Assert.Equal("typing", replies[0].GetProperty("type").GetString());
        var answer = replies[1];
        Assert.Contains("住民票", DirectLineTestClient.TextOf(answer), StringComparison.Ordinal);
        Assert.Contains("/faq/", DirectLineTestClient.TextOf(answer), StringComparison.Ordinal);
        Assert.Equal(id, answer.GetProperty("replyToId").GetString());
        var feedback = replies[2].GetProperty("suggestedActions").GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("value").GetString()).ToList();
        Assert.Equal(["はい", "いいえ"], feedback.Take(2));
        var timestamps = activities.Select(a => DateTimeOffset.Parse(a.GetProperty("timestamp").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(timestamps.Zip(timestamps.Skip(1)).All(p => p.First < p.Second), "timestamps strictly increase");
    }

    [Fact]
    public async Task PostActivity_SameClientActivityIdTwice_StoredOnceWithSameId()
    {
        var ct = TestTimeout.Token();
        using var client = NewClient();
        await client.GenerateAsync(ct);

        var first = await client.SayAsync("こんにちは", "retry-1", ct);
        var second = await client.SayAsync("こんにちは", "retry-1", ct);
        var (activities, _) = await client.GetActivitiesAsync("", ct);

        Assert.Equal(first, second);
        Assert.Single(activities, a => a.TryGetProperty("channelData", out var c) && c.GetProperty("clientActivityID").GetString() == "retry-1");
    }

    [Fact]
    public async Task GetActivities_WithWatermark_ReturnsNothingTwice()
    {
        var ct = TestTimeout.Token();
        using var client = NewClient();
        await client.StartAsync(ct);
        await client.SayAsync("住民票はどこで取れますか", "wm-1", ct);
        var (all, watermark) = await client.PollUntilAsync(a => a.Any(x => DirectLineTestClient.TextOf(x) == "解決しましたか？"), ct);

        var (after, next) = await client.GetActivitiesAsync(watermark, ct);
        await client.SayAsync("はい", "wm-2", ct);
        var (later, _) = await client.GetActivitiesAsync(watermark, ct);

        Assert.Equal(all.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), watermark);
        Assert.Empty(after);
        Assert.Equal(watermark, next);
        Assert.DoesNotContain(later, a => all.Any(b => b.GetProperty("id").GetString() == a.GetProperty("id").GetString()));
        Assert.Contains(later, a => DirectLineTestClient.TextOf(a) == "はい");
    }

    [Fact]
    public async Task Stream_WithWatermark_ReplaysOnlyLaterActivitiesThenPushesNewOnes()
    {
        var ct = TestTimeout.Token();
        using var client = NewClient();
        await client.StartAsync(ct);
        var (greeting, watermark) = await client.PollUntilAsync(a => a.Any(DirectLineTestClient.IsBotMessage), ct);
        var firstId = await client.SayAsync("こんにちは", "ws-1", ct);
        using var resume = await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{client.ConversationId}?watermark={watermark}", client.Token, null, ct);
        var streamUrl = (await resume.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("streamUrl").GetString()!;

        await using var stream = await DirectLineTestClient.Stream.ConnectAsync(streamUrl, ct);
        var replayed = await stream.ReceiveUntilAsync(a => a.Any(x => x.GetProperty("id").GetString() == firstId), ct);
        await stream.PingAsync(ct);
        var secondId = await client.SayAsync("住民票はどこで取れますか", "ws-2", ct);
        // Wait for the end of the answer to the second message: the reply to the first may still be arriving.
        var pushed = await stream.ReceiveUntilAsync(a => a.Any(x => DirectLineTestClient.TextOf(x) == "解決しましたか？"
            && x.TryGetProperty("replyToId", out var replyTo) && replyTo.GetString() == secondId), ct);

        Assert.Contains("watermark=" + watermark, streamUrl, StringComparison.Ordinal);
        Assert.DoesNotContain(replayed, a => greeting.Any(g => g.GetProperty("id").GetString() == a.GetProperty("id").GetString()));
        Assert.Contains(pushed, a => a.GetProperty("id").GetString() == secondId
            && a.GetProperty("channelData").GetProperty("clientActivityID").GetString() == "ws-2");
        Assert.Contains(pushed, a => DirectLineTestClient.IsBotMessage(a) && DirectLineTestClient.TextOf(a).Contains("住民票", StringComparison.Ordinal));
        var ids = replayed.Concat(pushed).Select(a => a.GetProperty("id").GetString()).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task TokenOfAnotherConversation_Forbidden()
    {
        var ct = TestTimeout.Token();
        using var mine = NewClient();
        using var theirs = NewClient();
        await mine.GenerateAsync(ct);
        await theirs.GenerateAsync(ct);

        using var read = await mine.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{theirs.ConversationId}/activities?watermark=", mine.Token, null, ct);
        using var write = await mine.PostActivityAsync(DirectLineTestClient.Message("x", "c"), ct, conversationId: theirs.ConversationId);
        using var resume = await mine.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{theirs.ConversationId}", mine.Token, null, ct);
        using var stream = await mine.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{theirs.ConversationId}/stream?t={Uri.EscapeDataString(mine.Token)}", null, null, ct);

        Assert.All([read, write, resume, stream], r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        var error = await read.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.False(string.IsNullOrEmpty(error.GetProperty("error").GetProperty("code").GetString()));
    }

    [Fact]
    public async Task Calls_MissingOrForgedTokenOrUnknownConversation_401Or403Or404()
    {
        var ct = TestTimeout.Token();
        using var client = NewClient();
        await client.GenerateAsync(ct);
        var forged = client.Token[..^4] + (client.Token.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");

        using var missing = await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{client.ConversationId}/activities", null, null, ct);
        using var invalid = await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{client.ConversationId}/activities", forged, null, ct);
        using var refresh = await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", "garbage", null, ct);
        using var unknown = await client.SendAsync(HttpMethod.Get, "/v3/directline/conversations/not-a-conversation/activities", client.Token, null, ct);

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refresh.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task PostActivity_Invalid_400AndOversize_413()
    {
        var ct = TestTimeout.Token();
        using var client = NewClient();
        await client.GenerateAsync(ct);

        using var noType = await client.PostActivityAsync(new { text = "こんにちは" }, ct);
        using var longText = await client.PostActivityAsync(new { type = "message", text = new string('あ', 5001) }, ct);
        using var notJson = await client.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{client.ConversationId}/activities", client.Token, new StringContent("{type:", System.Text.Encoding.UTF8, "application/json"), ct);
        using var huge = await client.PostActivityAsync(new { type = "message", text = "x", channelData = new { padding = new string('x', 70_000) } }, ct);

        Assert.Equal(HttpStatusCode.BadRequest, noType.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, longText.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Equal("BadArgument", (await noType.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Preflight_AllowedOrigin_AllowsTheClientsHeadersAndMethods()
    {
        var ct = TestTimeout.Token();
        using var http = fixture.Host.CreateClient();

        using var allowed = await http.SendAsync(Preflight(DirectLineHostFixture.AllowedOrigin), ct);
        using var other = await http.SendAsync(Preflight("https://evil.example"), ct);

        Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
        Assert.Equal(DirectLineHostFixture.AllowedOrigin, allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var headers = string.Join(",", allowed.Headers.GetValues("Access-Control-Allow-Headers")).ToUpperInvariant();
        foreach (var header in new[] { "AUTHORIZATION", "CONTENT-TYPE", "ACCEPT", "X-MS-BOT-AGENT" })
        {
            Assert.Contains(header, headers, StringComparison.Ordinal);
        }

        Assert.Contains("POST", string.Join(",", allowed.Headers.GetValues("Access-Control-Allow-Methods")), StringComparison.Ordinal);
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, new Uri("/v3/directline/conversations", UriKind.Relative));
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,accept,x-ms-bot-agent");
        return request;
    }
}
