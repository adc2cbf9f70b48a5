using System.Text.Json.Nodes;
using ConversationHub.Bot.Engine;
using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Conversations.Services;
using ConversationHub.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.DirectLine;

/// <summary>
/// The options after いいえ or a request for a person, with the bot's clock set explicitly: a person is offered only
/// while the contact center is open (weekdays 08:30–17:15 JST, not on 年末年始), otherwise the hours and the inquiry.
/// </summary>
public sealed class FaqBotCalendarTests(DirectLineHostFixture fixture) : IClassFixture<DirectLineHostFixture>
{
    private const string TalkToOperator = "オペレーターと話す";
    private const string InquiryByMail = "メールで問い合わせる";
    private const string AnswerByMail = "メールで回答を受け取る";

    [Theory]
    [InlineData("2026-11-25T10:00:00+09:00", "人と話したい")] // Wednesday morning
    [InlineData("2026-11-25T17:14:00+09:00", "いいえ")] // a minute before closing
    public async Task OperatorOrNo_WhileOpen_OffersAnOperatorNow(string nowJst, string said)
    {
        // Act
        var replies = await TakeTurnAtAsync(DateTimeOffset.Parse(nowJst, System.Globalization.CultureInfo.InvariantCulture), said);

        // Assert
        var options = Assert.Single(replies);
        Assert.Equal([TalkToOperator, InquiryByMail, "質問に戻る"], Titles(options));
        Assert.DoesNotContain("受付時間外", Text(options), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-11-28T10:00:00+09:00", "人と話したい", "11月30日")] // Saturday: opens again on Monday
    [InlineData("2026-12-30T10:00:00+09:00", "オペレーター", "1月4日")] // 年末年始 (a Wednesday)
    [InlineData("2026-11-25T17:30:00+09:00", "いいえ", "11月26日")] // after 17:15
    [InlineData("2026-11-28T11:00:00+09:00", TalkToOperator, "11月30日")] // the button itself, when closed
    public async Task OperatorOrNo_WhenClosed_GivesHoursAndInquiryOnly(string nowJst, string said, string nextOpeningDay)
    {
        // Act
        var replies = await TakeTurnAtAsync(DateTimeOffset.Parse(nowJst, System.Globalization.CultureInfo.InvariantCulture), said);

        // Assert: no handoff event, nothing that promises a person, and when the line opens again.
        var options = Assert.Single(replies);
        Assert.Equal("message", options["type"]!.GetValue<string>());
        Assert.Equal([AnswerByMail, InquiryByMail, "質問に戻る"], Titles(options));
        Assert.Contains("受付時間外", Text(options), StringComparison.Ordinal);
        Assert.Contains(nextOpeningDay, Text(options), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TalkToOperator_WhileOpenWithNoAgentSignedIn_OffersTheFormAndThePhoneInstead()
    {
        var replies = await TakeTurnAtAsync(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(9)), TalkToOperator);

        // No handoff.initiate: nobody could take it. Plain Japanese, the form and the center's number.
        var reply = Assert.Single(replies);
        Assert.Equal("message", reply["type"]!.GetValue<string>());
        Assert.Contains("対応できるオペレーターがおりません", Text(reply), StringComparison.Ordinal);
        Assert.Contains("0120-000-000", Text(reply), StringComparison.Ordinal);
        Assert.Equal([AnswerByMail, InquiryByMail, "質問に戻る"], Titles(reply));
    }

    // One turn of the real bot (real database, search and calendar) with its clock at nowJst; returns the answer it
    // would commit (typing indicators aside).
    private async Task<List<JsonObject>> TakeTurnAtAsync(DateTimeOffset now, string said)
    {
        var ct = TestTimeout.Token();
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IConversationStore>();
        var conversation = await store.StartAsync(ConversationChannel.WebChat, "dl-calendar-" + Guid.NewGuid().ToString("N"), ct);
        var inbound = await store.AppendAsync(
            new TranscriptActivity(conversation.Id, ActivityDirection.Inbound, "message", "user", new JsonObject { ["type"] = "message", ["text"] = said }.ToJsonString(), DateTime.UtcNow)
            {
                Turn = null, // driven by the test, not by the node's sweep
            },
            ct);

        var bot = ActivatorUtilities.CreateInstance<FaqBot>(scope.ServiceProvider, new TestClock(now));
        await bot.TakeTurnAsync(new BotTurn(BotTurnKind.Message, conversation.Id, inbound.Sequence), inbound, ct);

        var writer = scope.ServiceProvider.GetRequiredService<BotActivityWriter>();
        return [.. writer.Pending.Select(a => JsonNode.Parse(a.ActivityJson)!.AsObject())];
    }

    private static string Text(JsonObject activity) => activity["text"]?.GetValue<string>() ?? "";

    private static List<string> Titles(JsonObject activity) =>
        activity["suggestedActions"]?["actions"]?.AsArray().Select(a => a!["title"]!.GetValue<string>()).ToList() ?? [];
}
