using System.Text.Json;
using ConversationHub.Core.Persistence;
using ConversationHub.Core.Programs;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Host.Tests.Line;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.Programs;

/// <summary>
/// The booking dialogue on LINE over the real webhook (signed) and a stand-in of LINE's API: the program's keyword, its
/// greeting's quick replies, the same steps as on the web chat with LINE as the way to receive notices; the reply shows the
/// number and 持ち物, and the notice is pushed to the citizen's own LINE user id.
/// </summary>
public sealed class ProgramBookingLineTests
{
    [Fact]
    public async Task Book_OverTheWebhook_ShowsNumberAndWhatToBring_NoticeByLine()
    {
        // Arrange
        var ct = TestTimeout.Token(180);
        await using var stub = await LineStubApi.StartAsync();
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, ct);
        var clock = new RunningClock(ReservationTestData.Monday9am);
        await using var host = ReservationTestData.Start(database, clock, settings: LineHostFixture.Settings(stub.BaseUrl));
        var code = await ReservationTestData.CreateProgramAsync(host, ct);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
            (await db.Programs.SingleAsync(p => p.Code == code, ct)).LineKeyword = "kofu" + code;
            await db.SaveChangesAsync(ct);
        }

        using var webhook = new LineWebhookClient(host.CreateClient(), LineHostFixture.ChannelSecret);
        var user = LineWebhookClient.NewUserId();
        async Task<JsonElement> SayAsync(string text)
        {
            var token = "rt-" + Guid.NewGuid().ToString("N");
            await webhook.PostAsync(ct, LineWebhookClient.Text(user, text, token, at: clock.GetUtcNow()));
            var body = await Eventually.UntilAsync(() => stub.Replies(token).LastOrDefault(c => c.Status == 200)?.Body, "the reply to 「" + text + "」", ct);
            return JsonDocument.Parse(body).RootElement.GetProperty("messages").EnumerateArray().Last().Clone();
        }

        // Act
        var greeting = await SayAsync("kofu" + code);
        var days = await SayAsync(QuickReplies(greeting)[0]);
        await SayAsync(QuickReplies(days)[0]);
        await SayAsync("08:30 本庁舎 市民課 残り4");
        await SayAsync("若葉 次郎");
        var contact = await SayAsync("080-2222-3333");
        var readBack = await SayAsync("LINEで受け取る");
        var booked = await SayAsync("はい");

        // Assert
        Assert.Equal(["予約する", "予約の変更・取り消し"], QuickReplies(greeting));
        Assert.Equal("12月8日(火) 残り32", QuickReplies(days)[0]);
        Assert.Equal(["LINEで受け取る", "受け取らない", "やめる"], QuickReplies(contact));
        Assert.Contains("お知らせ：LINE", Text(readBack), StringComparison.Ordinal);
        var number = System.Text.RegularExpressions.Regex.Match(Text(booked), "予約番号は ?([0-9]{8})").Groups[1].Value;
        Assert.Matches("^[0-9]{8}$", number);
        Assert.Contains(ReservationTestData.WhatToBring, Text(booked), StringComparison.Ordinal);
        await using var check = host.Services.CreateAsyncScope();
        var reservation = await check.ServiceProvider.GetRequiredService<HandoffDbContext>().Reservations.AsNoTracking().SingleAsync(r => r.Number == number, ct);
        Assert.Equal((ReservationContactChannel.Line, user, "bot:line"), (reservation.ContactChannel, reservation.ContactAddress, reservation.CreatedBy));
        var notice = await Eventually.UntilAsync(
            () => stub.Pushes(user).Select(p => p.Json.GetProperty("messages")[0].GetProperty("text").GetString()).FirstOrDefault(t => t!.Contains(number, StringComparison.Ordinal)),
            "the LINE notice", ct);
        Assert.Contains(ReservationTestData.WhatToBring, notice, StringComparison.Ordinal);
    }

    private static string Text(JsonElement message) => message.GetProperty("text").GetString()!;

    private static List<string> QuickReplies(JsonElement message) =>
        message.TryGetProperty("quickReply", out var quick)
            ? [.. quick.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("action").GetProperty("text").GetString()!)]
            : [];
}
