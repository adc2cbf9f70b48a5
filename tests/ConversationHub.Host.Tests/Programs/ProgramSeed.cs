using ConversationHub.Handoff.Persistence;
using ConversationHub.Handoff.Programs;
using ConversationHub.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.Programs;

/// <summary>Programs the tests make for themselves (never the demo's, whose dates are the demo's), by days from today in Japan.</summary>
internal static class ProgramSeed
{
    public static DateOnly TodayInJapan => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9));

    public static async Task<ProgramDefinition> AddAsync(
        HubHost host, string code, int startsInDays, int endsInDays, CancellationToken ct, Action<ProgramDefinition>? configure = null)
    {
        var today = TodayInJapan;
        var program = new ProgramDefinition(code, "テスト施策 " + code, today.AddDays(startsInDays), today.AddDays(endsInDays), today.AddDays(endsInDays + 90), DateTime.UtcNow)
        {
            HoursJson = """{"weekly":{"Monday":"08:30-17:15"}}""",
            EndMessage = code + " の受付は終了しました。",
            AfterEndGuidance = "お問い合わせは市民課（電話 0120-000-000）へどうぞ。",
        };
        configure?.Invoke(program);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
        db.Programs.Add(program);
        await db.SaveChangesAsync(ct);
        return program;
    }
}
