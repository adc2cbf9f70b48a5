using System.Text.Json.Nodes;
using ConversationHub.Bot.Engine;
using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Conversations.Services;
using ConversationHub.Core.Persistence;
using ConversationHub.Core.Programs;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Handoff.Programs.Reservations;
using ConversationHub.Host.Tests.DirectLine;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.Programs;

/// <summary>
/// The citizens' booking dialogue in a program's web chat over real Direct Line (issue 19, 予約): book end to end, a time
/// that fills up during the read-back, a wrong phone on change, change, cancel (the place given back), 「やめる」, and a
/// turn retried after a crash that books once. Each test makes its own program on a host whose day is 7 December 2026.
/// </summary>
public abstract class ProgramBookingDirectLineTests(BookingHostFixture fixture)
{
    private static readonly DateOnly Tuesday = new(2026, 12, 8);
    private static readonly DateOnly Wednesday = new(2026, 12, 9);

    private HubHost Host => fixture.Host;

    [Fact]
    public async Task Book_EndToEnd_ReservationInTheBookWithNameAndPhoneEncrypted()
    {
        // Arrange
        var ct = TestTimeout.Token(180);
        var code = await ReservationTestData.CreateProgramAsync(Host, ct);
        using var chat = new BookingChat(new DirectLineTestClient(Host.CreateClient()));

        // Act
        var greeting = await chat.EnterAsync(code, ct);
        var days = await chat.SayAsync("予約する", ct);
        var times = await chat.SayAsync("12月8日(火) 残り32", ct);
        var name = await chat.SayAsync("08:30 本庁舎 市民課 残り4", ct);
        await chat.SayAsync("若葉 花子", ct);
        var badPhone = await chat.SayAsync("1234", ct);
        var contact = await chat.SayAsync("０９０ー１２３４－５６７８", ct);
        await chat.SayAsync("メールで受け取る", ct);
        var badMail = await chat.SayAsync("hanako at example", ct);
        var readBack = await chat.SayAsync("hanako@example.jp", ct);
        var booked = await chat.SayAsync("はい", ct);

        // Assert: the dialogue.
        Assert.Equal(["予約する", "予約の変更・取り消し"], BookingChat.Titles(greeting));
        Assert.Equal(["12月8日(火) 残り32", "12月9日(水) 残り32", "12月10日(木) 残り32", "12月11日(金) 残り32", "12月13日(日) 残り32", "12月14日(月) 残り32", "やめる"], BookingChat.Titles(days));
        Assert.Equal("08:30 本庁舎 市民課 残り4", BookingChat.Titles(times)[0]);
        Assert.Equal("ほかの日を選ぶ", BookingChat.Titles(times)[^2]);
        Assert.Contains("12月8日(火) 08:30～09:30、本庁舎 市民課ですね", BookingChat.Text(name), StringComparison.Ordinal);
        Assert.Contains("電話番号の形が正しくないようです", BookingChat.Text(badPhone), StringComparison.Ordinal);
        Assert.Equal(["メールで受け取る", "SMSで受け取る", "受け取らない", "やめる"], BookingChat.Titles(contact));
        Assert.Contains("メールアドレスの形が正しくないようです", BookingChat.Text(badMail), StringComparison.Ordinal);
        Assert.Equal(["はい", "修正する", "やめる"], BookingChat.Titles(readBack));
        foreach (var part in new[] { "12月8日(火) 08:30～09:30", "本庁舎 市民課", "若葉 花子", "090-1234-5678", "メール（hanako@example.jp）" })
        {
            Assert.Contains(part, BookingChat.Text(readBack), StringComparison.Ordinal);
        }

        var number = BookingChat.Number(booked);
        Assert.Matches("^[0-9]{8}$", number);
        Assert.Contains(ReservationTestData.WhatToBring, BookingChat.Text(booked), StringComparison.Ordinal);
        Assert.Contains("本庁舎 市民課（若葉市本町1-1）", BookingChat.Text(booked), StringComparison.Ordinal);
        Assert.Equal(["質問に戻る"], BookingChat.Titles(booked));

        // Assert: the book.
        var slot = await ReservationTestData.TimeAsync(Host, code, Tuesday, new TimeOnly(8, 30), ct);
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
        var reservation = await db.Reservations.AsNoTracking().SingleAsync(r => r.Number == number, ct);
        Assert.Equal((Guid.Parse(slot.SlotId), "若葉 花子", "09012345678"), (reservation.SlotId, reservation.Name, reservation.Phone));
        Assert.Equal((ReservationContactChannel.Email, "hanako@example.jp"), (reservation.ContactChannel, reservation.ContactAddress));
        Assert.Equal(("bot:webchat", (Guid?)chat.ConversationId), (reservation.CreatedBy, reservation.ConversationId));
        Assert.Equal(3, slot.FreePlaces);
        var raw = await db.Database.SqlQueryRaw<string>(
            """SELECT "Name" AS "Value" FROM program_reservations WHERE "Number" = {0} UNION ALL SELECT "Phone" FROM program_reservations WHERE "Number" = {0}""", number).ToListAsync(ct);
        Assert.Equal(2, raw.Count);
        Assert.All(raw, value => Assert.StartsWith("pii1.", value, StringComparison.Ordinal));
        Assert.DoesNotContain(Host.Logs, l => l.Contains("若葉 花子", StringComparison.Ordinal) || l.Contains("5678", StringComparison.Ordinal) || l.Contains("hanako", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Book_TimeFilledDuringReadBack_SaysSoAndBooksAnotherTime()
    {
        // Arrange: the citizen reads back 08:30 while four others take its four places.
        var ct = TestTimeout.Token(180);
        var code = await ReservationTestData.CreateProgramAsync(Host, ct);
        using var chat = new BookingChat(new DirectLineTestClient(Host.CreateClient()));
        await chat.EnterAsync(code, ct);
        await WalkToReadBackAsync(chat, ct);
        var full = await ReservationTestData.TimeAsync(Host, code, Tuesday, new TimeOnly(8, 30), ct);
        for (var i = 1; i <= 4; i++)
        {
            Assert.True((await ReservationTestData.WithSystemAsync(Host.Services, s => s.BookAsync(ReservationTestData.Request(code, full.SlotId, i), ct))).Succeeded);
        }

        // Act
        var filled = await chat.SayAsync("はい", ct);
        var readBack = await chat.SayAsync("09:30 本庁舎 市民課 残り4", ct);
        var booked = await chat.SayAsync("はい", ct);

        // Assert: the system's message, the day's other times, then straight to the read-back with the new time.
        Assert.Contains("その時間は満席です", BookingChat.Text(filled), StringComparison.Ordinal);
        Assert.DoesNotContain(BookingChat.Titles(filled), t => t.StartsWith("08:30", StringComparison.Ordinal));
        Assert.Contains("09:30 本庁舎 市民課 残り4", BookingChat.Titles(filled));
        Assert.Contains("12月8日(火) 09:30～10:30", BookingChat.Text(readBack), StringComparison.Ordinal);
        var view = await FindAsync(code, BookingChat.Number(booked), "09011112222", ct);
        Assert.Equal(new TimeOnly(9, 30), view.Starts);
        Assert.Equal((4, 4), await ReservationTestData.SlotAsync(Host, full.SlotId, ct));
    }

    [Fact]
    public async Task Change_WrongPhoneThenRight_MovesTheReservationToTheNewTime()
    {
        // Arrange: a reservation made on the phone (by an operator) for Tuesday 08:30.
        var ct = TestTimeout.Token(180);
        var code = await ReservationTestData.CreateProgramAsync(Host, ct);
        var (old, number) = await BookedOnThePhoneAsync(code, new TimeOnly(8, 30), 7, ct);
        using var chat = new BookingChat(new DirectLineTestClient(Host.CreateClient()));
        await chat.EnterAsync(code, ct);

        // Act
        await chat.SayAsync("予約の変更・取り消し", ct);
        await chat.SayAsync(number, ct);
        var wrong = await chat.SayAsync("090-9999-9999", ct);
        await chat.SayAsync(number, ct);
        var found = await chat.SayAsync("09000000007", ct);
        await chat.SayAsync("日時を変更する", ct);
        await chat.SayAsync("12月9日(水) 残り32", ct);
        var readBack = await chat.SayAsync("10:30 本庁舎 市民課 残り4", ct);
        var changed = await chat.SayAsync("はい", ct);

        // Assert
        Assert.Contains("予約番号または電話番号が違います。", BookingChat.Text(wrong), StringComparison.Ordinal);
        Assert.Contains("予約番号をもう一度入力してください", BookingChat.Text(wrong), StringComparison.Ordinal);
        Assert.Contains("12月8日(火) 08:30～09:30", BookingChat.Text(found), StringComparison.Ordinal);
        Assert.Equal(["日時を変更する", "予約を取り消す", "やめる"], BookingChat.Titles(found));
        Assert.Contains("変更前：12月8日(火) 08:30～09:30", BookingChat.Text(readBack), StringComparison.Ordinal);
        Assert.Contains("変更後：12月9日(水) 10:30～11:30", BookingChat.Text(readBack), StringComparison.Ordinal);
        Assert.Contains("予約を変更しました", BookingChat.Text(changed), StringComparison.Ordinal);
        Assert.Contains(ReservationTestData.WhatToBring, BookingChat.Text(changed), StringComparison.Ordinal);
        var view = await FindAsync(code, number, "09000000007", ct);
        Assert.Equal((Wednesday, new TimeOnly(10, 30)), (view.Day, view.Starts));
        Assert.Equal((4, 0), await ReservationTestData.SlotAsync(Host, old.SlotId, ct));
    }

    [Fact]
    public async Task Cancel_Typed_GivesThePlaceBack_AndWrongNumbersStopAfterThree()
    {
        // Arrange
        var ct = TestTimeout.Token(180);
        var code = await ReservationTestData.CreateProgramAsync(Host, ct);
        var (slot, number) = await BookedOnThePhoneAsync(code, new TimeOnly(13, 30), 8, ct);
        using var chat = new BookingChat(new DirectLineTestClient(Host.CreateClient()));
        await chat.EnterAsync(code, ct);
        using var other = new BookingChat(new DirectLineTestClient(Host.CreateClient()));
        await other.EnterAsync(code, ct);

        // Act: the citizen cancels by typing; another gets the number wrong three times.
        await chat.SayAsync("予約をキャンセルしたい", ct);
        await chat.SayAsync(number, ct);
        await chat.SayAsync("090-0000-0008", ct);
        var confirm = await chat.SayAsync("予約を取り消す", ct);
        var cancelled = await chat.SayAsync("取り消す", ct);
        await other.SayAsync("予約の変更・取り消し", ct);
        var replies = new List<System.Text.Json.JsonElement>();
        for (var i = 0; i < 3; i++)
        {
            await other.SayAsync("12345678", ct);
            replies.Add(await other.SayAsync("090-0000-0008", ct));
        }

        // Assert
        Assert.Equal(["取り消す", "やめる"], BookingChat.Titles(confirm));
        Assert.Contains("取り消しました", BookingChat.Text(cancelled), StringComparison.Ordinal);
        Assert.Equal((4, 0), await ReservationTestData.SlotAsync(Host, slot.SlotId, ct));
        Assert.Equal(ReservationStatus.Cancelled, (await FindAsync(code, number, "09000000008", ct)).Status);
        await using (var scope = Host.Services.CreateAsyncScope())
        {
            var reservation = await scope.ServiceProvider.GetRequiredService<HandoffDbContext>().Reservations.AsNoTracking().SingleAsync(r => r.Number == number, ct);
            Assert.Equal("bot:webchat", reservation.CancelledBy);
        }

        Assert.Contains("もう一度入力してください", BookingChat.Text(replies[1]), StringComparison.Ordinal);
        Assert.Contains("0120-000-000", BookingChat.Text(replies[2]), StringComparison.Ordinal);
        Assert.Equal(["質問に戻る"], BookingChat.Titles(replies[2]));
    }

    [Fact]
    public async Task LaterDaysThenStop_AtTheReadBack_EndsTheDialogueAndBooksNothing()
    {
        // Arrange: slots for the next week too, beyond the first page of days.
        var ct = TestTimeout.Token(180);
        var code = await ReservationTestData.CreateProgramAsync(Host, ct);
        await using (var setup = Host.Services.CreateAsyncScope())
        {
            var program = await setup.ServiceProvider.GetRequiredService<HandoffDbContext>().Programs.SingleAsync(p => p.Code == code, ct);
            await setup.ServiceProvider.GetRequiredService<ReservationSlotGenerator>().GenerateAsync(program, new DateOnly(2026, 12, 15), new DateOnly(2026, 12, 16), ct);
        }

        using var chat = new BookingChat(new DirectLineTestClient(Host.CreateClient()));
        await chat.EnterAsync(code, ct);
        var firstPage = await chat.SayAsync("予約する", ct);
        var later = await chat.SayAsync("もっと後の日", ct);
        await chat.SayAsync("やめる", ct);
        await WalkToReadBackAsync(chat, ct);

        // Act
        var stopped = await chat.SayAsync("やめる", ct);
        var after = await chat.SayAsync("はい", ct);

        // Assert: the later days; ended; the はい after it is the FAQ bot's, not a booking.
        Assert.Equal("もっと後の日", BookingChat.Titles(firstPage)[^2]);
        Assert.Equal(["12月15日(火) 残り32", "12月16日(水) 残り32", "やめる"], BookingChat.Titles(later));
        Assert.Contains("予約の手続きをやめました", BookingChat.Text(stopped), StringComparison.Ordinal);
        Assert.Equal(["質問に戻る"], BookingChat.Titles(stopped));
        Assert.DoesNotContain("予約番号", BookingChat.Text(after), StringComparison.Ordinal);
        await using var scope = Host.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<HandoffDbContext>().Reservations.AnyAsync(r => r.ConversationId == chat.ConversationId, ct));
    }

    [Fact]
    public async Task Book_DayWithMoreTimesThanAPage_LaterTimesOfferTheRest()
    {
        // Arrange: a second place doubles Tuesday's times to 16, more than one page of 10.
        var ct = TestTimeout.Token(180);
        var code = await ReservationTestData.CreateProgramAsync(Host, ct);
        await using (var setup = Host.Services.CreateAsyncScope())
        {
            var program = await setup.ServiceProvider.GetRequiredService<HandoffDbContext>().Programs.SingleAsync(p => p.Code == code, ct);
            Assert.Null(await setup.ServiceProvider.GetRequiredService<ReservationAdministration>().AddPlaceAsync(program.Id, "北部支所", "若葉市北町2-3-4", ct));
            await setup.ServiceProvider.GetRequiredService<ReservationSlotGenerator>().GenerateAsync(program, Tuesday, Tuesday, ct);
        }

        using var chat = new BookingChat(new DirectLineTestClient(Host.CreateClient()));
        await chat.EnterAsync(code, ct);
        await chat.SayAsync("予約する", ct);

        // Act
        var first = BookingChat.Titles(await chat.SayAsync("12月8日(火) 残り64", ct));
        var second = BookingChat.Titles(await chat.SayAsync("もっと後の時間", ct));
        var name = await chat.SayAsync("15:30 北部支所 残り4", ct);

        // Assert: ten times, then the six others; every time offered once; the afternoon time at the second place taken.
        Assert.Equal(13, first.Count);
        Assert.Equal(["もっと後の時間", "ほかの日を選ぶ", "やめる"], first[10..]);
        Assert.Equal(["ほかの日を選ぶ", "やめる"], second[^2..]);
        var times = first[..10].Concat(second[..^2]).ToList();
        Assert.Equal(16, times.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("15:30 北部支所 残り4", second);
        Assert.Contains("12月8日(火) 15:30～16:30、北部支所ですね", BookingChat.Text(name), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Book_TurnRetriedAfterACrash_BooksOnce()
    {
        // Arrange: the read-back over Direct Line, then the citizen's はい stored for the test to answer (no worker takes it).
        var ct = TestTimeout.Token(180);
        var code = await ReservationTestData.CreateProgramAsync(Host, ct);
        using var chat = new BookingChat(new DirectLineTestClient(Host.CreateClient()));
        await chat.EnterAsync(code, ct);
        await WalkToReadBackAsync(chat, ct);
        TranscriptActivity yes;
        await using (var scope = Host.Services.CreateAsyncScope())
        {
            yes = await scope.ServiceProvider.GetRequiredService<IConversationStore>().AppendAsync(
                new TranscriptActivity(chat.ConversationId, ActivityDirection.Inbound, "message", "user", new JsonObject { ["type"] = "message", ["text"] = "はい" }.ToJsonString(), DateTime.UtcNow) { Turn = null },
                ct);
        }

        // Act: the turn runs twice; the first run's answer is lost before its commit, as in a crash.
        var answers = new List<string>();
        for (var run = 0; run < 2; run++)
        {
            await using var scope = Host.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<FaqBot>().TakeTurnAsync(new BotTurn(BotTurnKind.Message, chat.ConversationId, yes.Sequence), yes, ct);
            var pending = scope.ServiceProvider.GetRequiredService<BotActivityWriter>().Pending;
            answers.Add(JsonNode.Parse(Assert.Single(pending).ActivityJson)!["text"]!.GetValue<string>());
        }

        // Assert
        await using var check = Host.Services.CreateAsyncScope();
        var reservation = await check.ServiceProvider.GetRequiredService<HandoffDbContext>().Reservations.AsNoTracking().SingleAsync(r => r.ConversationId == chat.ConversationId, ct);
        Assert.All(answers, a => Assert.Contains($"予約番号は **{reservation.Number}**", a, StringComparison.Ordinal));
        var slot = await ReservationTestData.TimeAsync(Host, code, Tuesday, new TimeOnly(8, 30), ct);
        Assert.Equal((4, 1), await ReservationTestData.SlotAsync(Host, slot.SlotId, ct));
    }

    [Fact]
    public async Task Book_CitizenChoseEnglish_AsksInEnglish()
    {
        // Arrange: the conversation's language is English (the citizen chose it).
        var ct = TestTimeout.Token(120);
        var code = await ReservationTestData.CreateProgramAsync(Host, ct);
        using var chat = new BookingChat(new DirectLineTestClient(Host.CreateClient()));
        await chat.EnterAsync(code, ct);
        await using (var scope = Host.Services.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<IConversationStore>();
            var conversation = (await store.FindAsync(chat.ConversationId, ct))!;
            conversation.ChooseLanguage("en");
            await store.SaveAsync(conversation, ct);
        }

        // Act
        var days = await chat.SayAsync("Book", ct);
        var times = await chat.SayAsync("Tue 12/8 (32 left)", ct);

        // Assert
        Assert.StartsWith("Please choose a day.", BookingChat.Text(days), StringComparison.Ordinal);
        Assert.Equal(["Tue 12/8 (32 left)", "Wed 12/9 (32 left)"], BookingChat.Titles(days)[..2]);
        Assert.Equal("Stop", BookingChat.Titles(days)[^1]);
        Assert.Equal("08:30 本庁舎 市民課 (4 left)", BookingChat.Titles(times)[0]);
    }

    // 予約する → Tuesday 08:30 → name, phone, no notices → the read-back.
    private static async Task WalkToReadBackAsync(BookingChat chat, CancellationToken ct)
    {
        await chat.SayAsync("予約したい", ct);
        await chat.SayAsync("12月8日(火) 残り32", ct);
        await chat.SayAsync("08:30 本庁舎 市民課 残り4", ct);
        await chat.SayAsync("若葉 一郎", ct);
        await chat.SayAsync("090-1111-2222", ct);
        var readBack = await chat.SayAsync("受け取らない", ct);
        Assert.Equal(["はい", "修正する", "やめる"], BookingChat.Titles(readBack));
    }

    // A reservation an operator made for citizen `i` (phone 090 and i in eight digits) on Tuesday at `starts`.
    private async Task<(ReservationTime Slot, string Number)> BookedOnThePhoneAsync(string code, TimeOnly starts, int i, CancellationToken ct)
    {
        var slot = await ReservationTestData.TimeAsync(Host, code, Tuesday, starts, ct);
        var booked = await ReservationTestData.WithSystemAsync(Host.Services, s => s.BookAsync(ReservationTestData.Request(code, slot.SlotId, i), ct));
        return (slot, booked.Reservation!.Number);
    }

    private async Task<ReservationView> FindAsync(string code, string number, string phone, CancellationToken ct)
    {
        var found = await ReservationTestData.WithSystemAsync(Host.Services, s => s.FindAsync(code, number, phone, ct));
        Assert.True(found.Succeeded, found.Message);
        return found.Reservation!;
    }
}

public sealed class SqliteProgramBookingDirectLineTests(SqliteBookingHostFixture fixture) : ProgramBookingDirectLineTests(fixture), IClassFixture<SqliteBookingHostFixture>;

public sealed class PostgresProgramBookingDirectLineTests(PostgresBookingHostFixture fixture) : ProgramBookingDirectLineTests(fixture), IClassFixture<PostgresBookingHostFixture>;
