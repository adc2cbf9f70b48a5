using ConversationHub.Handoff.Mail;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Host.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.Mail;

/// <summary>Enqueues and reads mail rows through a host's own services, as the cases code does.</summary>
internal static class MailTestHelpers
{
    public const string CityAddress = "soudan@city.example.lg.jp";

    public static Dictionary<string, string?> SmtpSettings(TestMta mta, string lease = "00:00:30", string timeout = "00:00:10") => new(StringComparer.Ordinal)
    {
        ["Mail:Outbound:Host"] = "127.0.0.1",
        ["Mail:Outbound:Port"] = mta.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail:Outbound:Security"] = "None",
        ["Mail:Outbound:From"] = "さくら市 市民相談 <" + CityAddress + ">",
        ["Mail:Outbound:LeaseDuration"] = lease,
        ["Mail:Outbound:Timeout"] = timeout,
        ["Mail:Outbound:PollInterval"] = "00:00:02",
    };

    public static MailDraft Draft(Guid caseId, string localPart, string to = "citizen@example.jp") => new(
        to,
        "【さくら市】お問い合わせへの回答（案件 C-2026-000123）",
        "山田 花子 様\n\nお問い合わせいただいた粗大ごみの収集日は、毎月第2水曜日です。\nよろしくお願いいたします。",
        "soudan+C-2026-000123@city.example.lg.jp",
        localPart,
        "<citizen-question-1@example.jp>",
        ["<citizen-question-1@example.jp>"],
        caseId);

    public static async Task<OutboundMail> EnqueueAsync(HubHost host, MailDraft draft, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
        var mail = scope.ServiceProvider.GetRequiredService<MailOutbox>().Enqueue(db, draft);
        await db.SaveChangesAsync(ct);
        return mail;
    }

    public static async Task<OutboundMail?> OutboundAsync(HubHost host, Guid id, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HandoffDbContext>().MailOutbox.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct);
    }

    public static Task<OutboundMail> UntilStateAsync(HubHost host, Guid id, OutboundMailState state, CancellationToken ct) =>
        Eventually.UntilAsync(async () => await OutboundAsync(host, id, ct) is { } m && m.State == state ? m : null, $"mail {id} {state}", ct);

    public static async Task<InboundMail?> InboundAsync(HubHost host, Guid id, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HandoffDbContext>().MailInbox.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct);
    }

    public static async Task<List<InboundMail>> InboxAsync(HubHost host, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HandoffDbContext>().MailInbox.AsNoTracking().OrderBy(m => m.Id).ToListAsync(ct);
    }
}
