using System.Text.Json;
using ConversationHub.Host.Tests.DirectLine;
using ConversationHub.Testing;

namespace ConversationHub.Host.Tests.Inquiry;

/// <summary>
/// 「メールで回答を受け取る」 over Direct Line: with nobody to take the chat (no agent signed in, or outside hours, whichever
/// holds when the test runs), the bot offers it, asks the address (again when it is not one), the question, はい, and
/// gives the 受付番号 of a case made with the chat's channel and transcript.
/// </summary>
public sealed class ChatIntakeDirectLineTests(ChatIntakeFixture fixture) : IClassFixture<ChatIntakeFixture>
{
    [Fact]
    public async Task AnswerByMail_WhenNobodyCanTakeTheChat_MakesACase_AndTellsItsNumber()
    {
        // Arrange
        var ct = TestTimeout.Token(120);
        using var client = new DirectLineTestClient(fixture.Host.CreateClient());
        await client.StartAsync(ct);
        var email = $"chat{Guid.NewGuid():N}"[..14] + "@example.jp";

        // Act
        var offered = await SayAsync(client, "オペレーターと話す", "i-1", a => Titles(a).Contains("メールで回答を受け取る"), ct);
        await SayAsync(client, "メールで回答を受け取る", "i-2", a => Text(a).Contains("メールアドレスを入力してください", StringComparison.Ordinal), ct);
        await SayAsync(client, "taro at example", "i-3", a => Text(a).Contains("メールアドレスの形が正しくないようです", StringComparison.Ordinal), ct);
        await SayAsync(client, email, "i-4", a => Text(a).Contains("お問い合わせの内容を入力してください", StringComparison.Ordinal), ct);
        var confirm = await SayAsync(client, "犬の登録の方法を教えてください。", "i-5", a => Text(a).Contains("次の内容で受け付けます", StringComparison.Ordinal), ct);
        var done = await SayAsync(client, "はい", "i-6", a => Text(a).Contains("受付番号は", StringComparison.Ordinal), ct);

        // Assert
        Assert.Contains("メールで回答を受け取る", Titles(offered));
        Assert.Equal(["はい", "修正する", "やめる"], Titles(confirm));
        Assert.Contains(email, Text(confirm), StringComparison.Ordinal);
        var number = InquiryBrowser.CaseNumber().Match(Text(done)).Value;
        Assert.NotEmpty(number);
        var record = await InquiryBrowser.CaseByNumberAsync(fixture.Host, number, ct);
        Assert.Equal("WebChat", record.GetProperty("channel").GetString());
        Assert.Equal(email, record.GetProperty("contactEmail").GetString());
        Assert.Equal("犬の登録の方法を教えてください。", record.GetProperty("description").GetString());
        Assert.True(record.TryGetProperty("conversationId", out var conversation) && conversation.ValueKind == JsonValueKind.String);
        var transcript = Assert.Single(record.GetProperty("entries").EnumerateArray(), e => e.GetProperty("kind").GetString() == "Transcript");
        Assert.Contains("犬の登録の方法を教えてください。", transcript.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerByMail_Cancel_EndsTheIntake_AndTheBotAnswersAgain()
    {
        var ct = TestTimeout.Token(120);
        using var client = new DirectLineTestClient(fixture.Host.CreateClient());
        await client.StartAsync(ct);

        await SayAsync(client, "メールで回答を受け取る", "c-1", a => Text(a).Contains("メールアドレスを入力してください", StringComparison.Ordinal), ct);
        var cancelled = await SayAsync(client, "やめる", "c-2", a => Text(a).Contains("取りやめました", StringComparison.Ordinal), ct);
        var after = await SayAsync(client, "こんにちは", "c-3", a => Text(a).Contains("ご利用ありがとうございます", StringComparison.Ordinal), ct);

        Assert.Contains("質問に戻る", Titles(cancelled));
        Assert.DoesNotContain("メールアドレス", Text(after), StringComparison.Ordinal);
    }

    // Says `text` and waits for the bot's reply to it that matches `expected` (the reply's replyToId is the message's id).
    private static async Task<JsonElement> SayAsync(DirectLineTestClient client, string text, string clientActivityId, Func<JsonElement, bool> expected, CancellationToken ct)
    {
        var id = await client.SayAsync(text, clientActivityId, ct);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
        wait.CancelAfter(TimeSpan.FromSeconds(30));
        try
        {
            var (activities, _) = await client.PollUntilAsync(a => a.Any(x => IsReplyTo(x, id) && expected(x)), wait.Token);
            return activities.Last(x => IsReplyTo(x, id) && expected(x));
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            var (all, _) = await client.GetActivitiesAsync("", ct);
            throw new Xunit.Sdk.XunitException($"no expected reply to 「{text}」; the transcript:\n" + string.Join("\n", all.Select(a => a.GetRawText())));
        }
    }

    private static bool IsReplyTo(JsonElement activity, string id) =>
        DirectLineTestClient.IsBotMessage(activity) && activity.TryGetProperty("replyToId", out var reply) && reply.GetString() == id;

    private static string Text(JsonElement activity) => DirectLineTestClient.TextOf(activity);

    private static List<string> Titles(JsonElement activity) =>
        activity.TryGetProperty("suggestedActions", out var actions)
            ? [.. actions.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("title").GetString()!)]
            : [];
}
