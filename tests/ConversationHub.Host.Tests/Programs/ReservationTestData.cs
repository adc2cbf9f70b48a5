using ConversationHub.Core.Calendar;
using ConversationHub.Core.Persistence;
using ConversationHub.Core.Programs;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Handoff.Programs;
using ConversationHub.Handoff.Programs.Reservations;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.Programs;

/// <summary>
/// A reservation program of the tests' own: weekdays and the second Sunday 08:30–17:15, one-hour slots (08:30 … 15:30,
/// eight a day) at one place, on a clock fixed at Monday 7 December 2026, 09:00 in Japan. December 2026's second Sunday
/// is the 13th; 年末年始 closes 29 December to 3 January.
/// </summary>
internal static class ReservationTestData
{
    public static readonly DateTimeOffset Monday9am = JapanTime.At(new DateOnly(2026, 12, 7), new TimeOnly(9, 0));

    public const string WhatToBring = "通知書、本人確認書類（運転免許証など）";

    /// <summary>A host on <paramref name="database"/> with <paramref name="clock"/>, the sweeps off (tests call the runners).</summary>
    public static HubHost Start(TestDatabase database, TimeProvider clock, Core.Security.PiiProtectionOptions? pii = null, IDictionary<string, string?>? settings = null)
    {
        var overrides = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>(), StringComparer.Ordinal) { ["Programs:Reservations:Enabled"] = "false" };
        return HubHost.Start(database, ownsDatabase: false, pii ?? TestPii.CreateOptions(), overrides, s => s.AddSingleton(clock));
    }

    /// <summary>Creates the program, its settings and place, and its slots from 8 to 14 December; returns its code.</summary>
    public static async Task<string> CreateProgramAsync(HubHost host, CancellationToken ct, int capacity = 4)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
        var code = "r" + Guid.NewGuid().ToString("N")[..8];
        var weekday = "08:30-17:15";
        var hours = new ProgramHours
        {
            Weekly = { [DayOfWeek.Monday] = weekday, [DayOfWeek.Tuesday] = weekday, [DayOfWeek.Wednesday] = weekday, [DayOfWeek.Thursday] = weekday, [DayOfWeek.Friday] = weekday },
            Monthly = { new RecurringExtraDayOptions { Week = WeekOfMonth.Second, DayOfWeek = DayOfWeek.Sunday, Hours = weekday } },
        };
        var program = new ProgramDefinition(code, "マイナンバーカード交付予約（テスト）", new DateOnly(2026, 12, 1), new DateOnly(2027, 3, 31), new DateOnly(2027, 6, 30), DateTime.UtcNow)
        {
            HoursJson = hours.ToJson(),
        };
        db.Programs.Add(program);
        await db.SaveChangesAsync(ct);
        var admin = scope.ServiceProvider.GetRequiredService<ReservationAdministration>();
        Assert.Null(await admin.SaveSettingsAsync(program.Id, WhatToBring, 60, capacity, 30, ct));
        Assert.Null(await admin.AddPlaceAsync(program.Id, "本庁舎 市民課", "若葉市本町1-1", ct));
        await scope.ServiceProvider.GetRequiredService<ReservationSlotGenerator>().GenerateAsync(program, new DateOnly(2026, 12, 8), new DateOnly(2026, 12, 14), ct);
        return code;
    }

    /// <summary>The free time of <paramref name="day"/> that starts at <paramref name="starts"/>.</summary>
    public static async Task<ReservationTime> TimeAsync(HubHost host, string code, DateOnly day, TimeOnly starts, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var times = await scope.ServiceProvider.GetRequiredService<IReservationSystem>().FreeTimesAsync(code, day, ct);
        return times.Single(t => t.Starts == starts);
    }

    /// <summary>Runs <paramref name="step"/> on the host's reservation system in a scope of its own.</summary>
    public static async Task<T> WithSystemAsync<T>(IServiceProvider services, Func<IReservationSystem, Task<T>> step)
    {
        await using var scope = services.CreateAsyncScope();
        return await step(scope.ServiceProvider.GetRequiredService<IReservationSystem>());
    }

    public static ReservationRequest Request(string code, string slotId, int i, ReservationContact? contact = null) =>
        new(code, slotId, $"予約 太郎{i}", $"090{i:D8}", contact ?? ReservationContact.None, new ReservationActor("staff:operator"));

    public static async Task<(int Capacity, int Booked)> SlotAsync(HubHost host, string slotId, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
        var slot = await db.ReservationSlots.AsNoTracking().SingleAsync(s => s.Id == Guid.Parse(slotId), ct);
        return (slot.Capacity, slot.Booked);
    }
}
