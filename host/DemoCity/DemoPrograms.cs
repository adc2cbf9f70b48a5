using ConversationHub.Core.Calendar;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Handoff.Programs;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Host.DemoCity;

/// <summary>
/// The demo city's programs (施策), seeded once while there are none, with dates around the day of seeding so that
/// each is in service when the demo is first run: a My Number card appointment line, a child-rearing coupon program in
/// four languages, and a marathon's entry line for people who cannot apply online.
/// </summary>
internal static class DemoPrograms
{
    public static async Task SeedAsync(HandoffDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await db.Programs.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(JapanTime.ToJapan(now).DateTime);
        var weekdays = new ProgramHours
        {
            Weekly =
            {
                [DayOfWeek.Monday] = "08:30-17:15",
                [DayOfWeek.Tuesday] = "08:30-17:15",
                [DayOfWeek.Wednesday] = "08:30-17:15",
                [DayOfWeek.Thursday] = "08:30-17:15",
                [DayOfWeek.Friday] = "08:30-17:15",
            },
        };
        var withSecondSunday = new ProgramHours
        {
            Weekly = weekdays.Weekly,
            Monthly = { new RecurringExtraDayOptions { Week = WeekOfMonth.Second, DayOfWeek = DayOfWeek.Sunday, Hours = "08:30-17:15", Reason = "第2日曜日開庁" } },
        };

        db.Programs.AddRange(
            new ProgramDefinition("mynumber", "マイナンバーカード交付予約", today.AddDays(-7), today.AddMonths(4), today.AddMonths(10), now.UtcDateTime)
            {
                HoursJson = withSecondSunday.ToJson(),
                FaqCategory = "マイナンバー",
                LineKeyword = "マイナンバー予約",
                EndMessage = "マイナンバーカード交付予約の受付は終了しました。",
                AfterEndGuidance = "交付については市民課（代表電話）へお問い合わせください。",
            },
            new ProgramDefinition("coupon", "子育て応援クーポン", today.AddDays(-30), today.AddMonths(3), today.AddMonths(6), now.UtcDateTime)
            {
                HoursJson = weekdays.ToJson(),
                FaqCategory = "子育て",
                FaqIds = "coupon-001,coupon-002,coupon-003,coupon-004,coupon-005,coupon-006,coupon-007",
                LineKeyword = "クーポン",
                Languages = "ja,en,zh,ko",
                EndMessage = "子育て応援クーポンのお問い合わせ窓口は終了しました。",
                AfterEndGuidance = "こども家庭課へお問い合わせください。",
            },
            new ProgramDefinition("marathon", "市民マラソン 電話申込受付", today.AddDays(-3), today.AddMonths(1), today.AddMonths(3), now.UtcDateTime)
            {
                HoursJson = weekdays.ToJson(),
                EndMessage = "市民マラソンの申込受付は終了しました。",
                AfterEndGuidance = "大会についてはスポーツ振興課へお問い合わせください。",
            });
        await db.SaveChangesAsync(cancellationToken);
    }
}
