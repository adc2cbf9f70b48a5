using System.Text.Json.Nodes;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;

namespace ConversationHub.Host.Tests.Line;

/// <summary>
/// Every webhook body this conversation accepts and every request body the platform sends to LINE, checked against
/// LINE's own OpenAPI files by <c>tests/js/line-contract.test.mjs</c> (ajv, with the discriminators resolved).
/// </summary>
public sealed class LineContractTests(SqliteLineHostFixture fixture) : IClassFixture<SqliteLineHostFixture>
{
    [Fact]
    public async Task RecordedBodies_ValidateAgainstLineOpenApi()
    {
        // Arrange: one citizen goes through every kind of event we handle.
        var ct = TestTimeout.Token(120);
        var user = LineWebhookClient.NewUserId();
        var follow = LineWebhookClient.Event("follow", user, "c-follow-" + user);
        follow["follow"] = new JsonObject { ["isUnblocked"] = true };
        var sticker = LineWebhookClient.WithMessage(LineWebhookClient.Event("message", user, "c-st-" + user),
            new JsonObject { ["id"] = "81", ["type"] = "sticker", ["packageId"] = "446", ["stickerId"] = "1988", ["stickerResourceType"] = "STATIC", ["quoteToken"] = "q" });
        var image = LineWebhookClient.WithMessage(LineWebhookClient.Event("message", user, "c-im-" + user),
            new JsonObject { ["id"] = "82", ["type"] = "image", ["contentProvider"] = new JsonObject { ["type"] = "line" }, ["quoteToken"] = "q" });
        var location = LineWebhookClient.WithMessage(LineWebhookClient.Event("message", user, "c-lo-" + user),
            new JsonObject { ["id"] = "83", ["type"] = "location", ["title"] = "市役所", ["address"] = "若葉台1-1", ["latitude"] = 35.1, ["longitude"] = 139.2 });
        var postback = LineWebhookClient.Event("postback", user, "c-pb-" + user);
        postback["postback"] = new JsonObject { ["data"] = "いいえ" };

        // Act
        await fixture.Webhook.PostAsync(ct, follow);
        await fixture.Webhook.PostAsync(ct, LineWebhookClient.Text(user, "粗大ごみの出し方を教えてください", "c-q-" + user));
        await fixture.Webhook.PostAsync(ct, sticker, image, location, postback, LineWebhookClient.Event("somethingNew", user, null));
        // Another citizen's stale question is answered by push (alone in its conversation, nothing to batch it with).
        var late = LineWebhookClient.NewUserId();
        await fixture.Webhook.PostAsync(ct, LineWebhookClient.Text(late, "住民票はどこで取れますか", "c-old-" + late, DateTimeOffset.UtcNow.AddMinutes(-3)));
        await Eventually.UntilAsync(() => fixture.Stub.Pushes(late).FirstOrDefault(p => p.Status == 200), "the pushed answer", ct);
        string[] tokens = ["c-follow-", "c-q-", "c-st-", "c-im-", "c-lo-", "c-pb-"];
        await Eventually.UntilAsync(() => tokens.SelectMany(t => fixture.Stub.Replies(t + user)).Concat(fixture.Stub.Pushes(user))
            .SelectMany(c => c.Json.GetProperty("messages").EnumerateArray()).Any(m => m.GetProperty("text").GetString()!.Contains("位置情報", StringComparison.Ordinal)) ? "" : null, "the location's answer", ct);
        await fixture.Webhook.PostAsync(ct, LineWebhookClient.Event("unfollow", user, null));

        // Assert
        var recorded = Directory.CreateTempSubdirectory("line-contract").FullName;
        try
        {
            Write(recorded, "webhook", fixture.Webhook.AcceptedBodies.Select(b => ("callback", b)));
            Write(recorded, "outbound", fixture.Stub.Calls.Select(c => (c.Path.Split('/')[^1] switch { "reply" => "reply", "push" => "push", _ => "loading" }, c.Body)));
            var (exitCode, output) = await NodeTestRunner.RunAsync("tests/js/line-contract.test.mjs", new Dictionary<string, string>(StringComparer.Ordinal) { ["HUB_LINE_RECORDED_DIR"] = recorded }, ct);
            Assert.True(exitCode == 0, "node --test failed:\n" + output);
            Assert.Contains("# pass 3", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(recorded, recursive: true);
        }
    }

    private static void Write(string root, string folder, IEnumerable<(string Kind, string Body)> bodies)
    {
        var directory = Directory.CreateDirectory(Path.Combine(root, folder)).FullName;
        var index = 0;
        foreach (var (kind, body) in bodies)
        {
            File.WriteAllText(Path.Combine(directory, $"{kind}-{index++:D4}.json"), body);
        }
    }
}
