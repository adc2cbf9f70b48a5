using System.Text.Json;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Host.Tests.Line;
using ConversationHub.Testing;

namespace ConversationHub.Host.Tests.Programs;

/// <summary>
/// A program's languages on LINE over the real webhook (issue 19): the program's greeting offers its languages as quick
/// replies, each named in itself, and tapping one greets again in that language; the channel's own replies (a sticker's)
/// follow the choice.
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

        // Act: Korean, then a sticker, which the channel answers itself (not a bot turn).
        await fixture.Webhook.PostAsync(ct, LineWebhookClient.Text(user, "한국어", second));
        var korean = await Eventually.UntilAsync(() => Sent(user, second).Select(Text).FirstOrDefault(t => t.StartsWith("안녕하세요.", StringComparison.Ordinal)), "the Korean greeting", ct);
        var third = "rt-" + Guid.NewGuid().ToString("N");
        await fixture.Webhook.PostAsync(ct, LineWebhookClient.WithMessage(LineWebhookClient.Event("message", user, third),
            new System.Text.Json.Nodes.JsonObject { ["id"] = "62", ["type"] = "sticker", ["packageId"] = "446", ["stickerId"] = "1988", ["stickerResourceType"] = "STATIC", ["quoteToken"] = "q" }));
        var sticker = await Eventually.UntilAsync(() => Sent(user, third).Select(Text).FirstOrDefault(t => t.Contains("스티커", StringComparison.Ordinal) || t.Contains("スタンプ", StringComparison.Ordinal)), "the sticker's reply", ct);

        // Assert
        Assert.Equal(["日本語", "한국어"], labels);
        Assert.Contains("\"テスト施策 line-ko\"", korean, StringComparison.Ordinal);
        Assert.Equal("스티커 감사합니다. 질문은 글로 보내 주세요.", sticker);
    }

    private static string Text(JsonElement message) => message.GetProperty("text").GetString()!;

    private static List<string> QuickReplies(JsonElement message) =>
        [.. message.GetProperty("quickReply").GetProperty("items").EnumerateArray().Select(i => i.GetProperty("action").GetProperty("label").GetString()!)];

    private IEnumerable<JsonElement> Sent(string user, string token) =>
        fixture.Stub.Replies(token).Concat(fixture.Stub.Pushes(user)).Where(c => c.Status == 200)
            .SelectMany(c => c.Json.GetProperty("messages").EnumerateArray());
}
