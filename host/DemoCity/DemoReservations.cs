using ConversationHub.Handoff.Persistence;
using ConversationHub.Handoff.Programs;
using ConversationHub.Handoff.Programs.Reservations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.DemoCity;

/// <summary>
/// The demo My Number card line's appointment book, seeded once: 持ち物, 30-minute slots with two places each at two counters
/// for the next two weeks of the program's own calendar, so the reservations page books at once on a fresh demo.
/// </summary>
internal static class DemoReservations
{
    public const string ProgramCode = "mynumber";

    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<HandoffDbContext>();
        var program = await db.Programs.AsNoTracking().FirstOrDefaultAsync(p => p.Code == ProgramCode, cancellationToken);
        if (program is null || await db.ReservationSettings.AnyAsync(s => s.ProgramId == program.Id, cancellationToken))
        {
            return;
        }

        var admin = services.GetRequiredService<ReservationAdministration>();
        await admin.SaveSettingsAsync(program.Id, "交付通知書（はがき）、本人確認書類（運転免許証・パスポートなど）、お持ちの方は通知カードと住民基本台帳カード", 30, 2, 30, cancellationToken);
        await admin.AddPlaceAsync(program.Id, "本庁舎 1階 市民課 交付窓口", "若葉市本町1-1-1", cancellationToken);
        await admin.AddPlaceAsync(program.Id, "北部支所 窓口", "若葉市北町2-3-4", cancellationToken);
        var today = services.GetRequiredService<ProgramCatalog>().TodayInJapan();
        var last = today.AddDays(14) < program.ServiceEndsOn ? today.AddDays(14) : program.ServiceEndsOn;
        if (last > today)
        {
            await services.GetRequiredService<ReservationSlotGenerator>().GenerateAsync(program, today.AddDays(1), last, cancellationToken);
        }
    }
}
