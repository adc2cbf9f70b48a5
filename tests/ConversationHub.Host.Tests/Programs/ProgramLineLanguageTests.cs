using System.Text.Json;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Host.Tests.Line;
using ConversationHub.Testing;

namespace ConversationHub.Host.Tests.Programs;

/// <summary>
/// A program's languages on LINE over the real webhook (issue 19): the program's greeting offers its languages as quick
/// replies, each named in itself, and tapping one greets again in that language.
/// </summary>
public sealed class ProgramLineLanguageTests(SqliteLineHostFixture fixture) : IClassFixture<SqliteLineHostFixture>
{
    [Fact]
    public async Task LanguageQuickReply_Korean_GreetsInKorean()
    {
        // Arrange
        var ct = TestTimeout.Token(120);
        await ProgramSeed.AddAsync(fixture.Host, "line-ko", -1, 30, ct, p => { p.LineKeyword = "kocoupon"; p.Languages = "ja,ko"; });
        var user = LineWebhookClient.NewUserId();
        var (first, second) = ("rt-" + Guid.NewGuid().ToString("N"), "rt-" + Guid.NewGuid().ToString("N"));
        await fixture.Webhook.PostAsync(ct, LineWebhookClient.Text(user, "kocoupon", first));
        var labels = await Eventually.UntilAsync(
            () => Sent(user, first).Where(m => Text(m).Contains("「テスト施策 line-ko」", StringComparison.Ordinal)).Select(QuickReplies).FirstOrDefault(), "the program's greeting", ct);

        // Act
        await fixture.Webhook.PostAsync(ct, LineWebhookClient.Text(user, "한국어", second));
        var korean = await Eventually.UntilAsync(() => Sent(user, second).Select(Text).FirstOrDefault(t => t.StartsWith("안녕하세요.", StringComparison.Ordinal)), "the Korean greeting", ct);

        // Assert
        Assert.Equal(["日本語", "한국어"], labels);
        Assert.Contains("\"テスト施策 line-ko\"", korean, StringComparison.Ordinal);
    }

    private static string Text(JsonElement message) => message.GetProperty("text").GetString()!;

    private static List<string> QuickReplies(JsonElement message) =>
        [.. message.GetProperty("quickReply").GetProperty("items").EnumerateArray().Select(i => i.GetProperty("action").GetProperty("label").GetString()!)];

    private IEnumerable<JsonElement> Sent(string user, string token) =>
        fixture.Stub.Replies(token).Concat(fixture.Stub.Pushes(user)).Where(c => c.Status == 200)
            .SelectMany(c => c.Json.GetProperty("messages").EnumerateArray());
}
