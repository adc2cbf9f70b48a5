using System.Net;
using System.Text.RegularExpressions;
using ConversationHub.Core.Audit;
using ConversationHub.Core.Calendar;
using ConversationHub.Core.ContactEvents.Domain;
using ConversationHub.Core.ContactEvents.Rollup;
using ConversationHub.Core.ContactEvents.Services;
using ConversationHub.Core.Operations;
using ConversationHub.Core.Persistence;
using ConversationHub.Faq.KnowledgeBase.Proposals;
using ConversationHub.Faq.Persistence;
using ConversationHub.Handoff.Reports;
using ConversationHub.Host.Tests.Cases;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ConversationHub.Host.Tests.Reports;

/// <summary>
/// November 2026 with hand-checkable answers, recorded through the real recorder and roll-up on a host whose clock the
/// test moves (the scheduled generation is removed; tests call its runner):
/// <list type="bullet">
/// <item>Mon 2 Nov, 9時: web chat 10 arrived, 9 answered (8 after 5 s, 1 after 10.001 s), 1 abandoned, 1 transfer, 1
/// escalation to 市民課; phone 2 arrived, 2 answered after exactly 10 s; a staff-typed case escalated to another department.</item>
/// <item>Sat 21 Nov (closed), 10時: web chat 1 arrived. Tue 24 Nov (after the 23rd, a holiday), 14時: LINE 3 arrived, 1
/// answered after 3 s; phone 2 congestion messages.</item>
/// </list>
/// So answered 12, abandoned 1: 応答率 12/13 = 92.3 % (達成); within 10 s 11/12 = 91.7 % (未達); escalated from answered
/// contacts 1: 一次解決率 11/12 = 91.7 % (達成); uptime 4 h down of 30 days: 稼働率 99.4 % (未達).
/// </summary>
internal static partial class ReportSeed
{
    /// <summary>The clock while seeding: the last day of November, noon in Japan.</summary>
    public static readonly DateTimeOffset SeedTime = new(2026, 11, 30, 3, 0, 0, TimeSpan.Zero);

    private static readonly Regex TablePattern = TableRegex();
    private static readonly Regex RowPattern = RowRegex();
    private static readonly Regex CellPattern = CellRegex();

    public static HubHost Start(TestDatabase database, TestClock clock) =>
        HubHost.Start(database, ownsDatabase: false, TestPii.CreateOptions(), null, services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(GenerateScheduledReportsService)));
        });

    public static DateTime Jst(int day, int hour, int minute = 0) => JapanTime.At(new DateOnly(2026, 11, day), new TimeOnly(hour, minute)).UtcDateTime;

    public static async Task SeedAsync(HubHost host, CancellationToken ct)
    {
        var citizens = await CaseTestSupport.DepartmentAsync(host, CaseTestSupport.CitizensDivision);
        var other = await CaseTestSupport.DepartmentAsync(host, null, except: CaseTestSupport.CitizensDivision);
        var events = new List<ContactEvent>();
        for (var i = 0; i < 10; i++)
        {
            events.Add(new($"r:web:a{i}", ContactEventKind.Arrived, ContactChannel.WebChat, Jst(2, 9, i)));
        }

        for (var i = 0; i < 9; i++)
        {
            events.Add(new($"r:web:ans{i}", ContactEventKind.Answered, ContactChannel.WebChat, Jst(2, 9, 20 + i)) { WaitMs = i == 0 ? 10_001 : 5_000 });
        }

        events.AddRange(
        [
            new("r:web:abandoned", ContactEventKind.Abandoned, ContactChannel.WebChat, Jst(2, 9, 40)) { WaitMs = 30_000 },
            new("r:web:transfer", ContactEventKind.Transferred, ContactChannel.WebChat, Jst(2, 9, 41)),
            new("r:web:esc", ContactEventKind.Escalated, ContactChannel.WebChat, Jst(2, 9, 42)) { DepartmentId = citizens },
            new("r:manual:esc", ContactEventKind.Escalated, ContactChannel.Manual, Jst(2, 9, 43)) { DepartmentId = other },
            new("r:voice:a1", ContactEventKind.Arrived, ContactChannel.Voice, Jst(2, 9, 44)),
            new("r:voice:a2", ContactEventKind.Arrived, ContactChannel.Voice, Jst(2, 9, 45)),
            new("r:voice:ans1", ContactEventKind.Answered, ContactChannel.Voice, Jst(2, 9, 46)) { WaitMs = 10_000 },
            new("r:voice:ans2", ContactEventKind.Answered, ContactChannel.Voice, Jst(2, 9, 47)) { WaitMs = 10_000 },
            new("r:web:saturday", ContactEventKind.Arrived, ContactChannel.WebChat, Jst(21, 10)),
            new("r:line:a1", ContactEventKind.Arrived, ContactChannel.Line, Jst(24, 14, 1)),
            new("r:line:a2", ContactEventKind.Arrived, ContactChannel.Line, Jst(24, 14, 2)),
            new("r:line:a3", ContactEventKind.Arrived, ContactChannel.Line, Jst(24, 14, 3)),
            new("r:line:ans", ContactEventKind.Answered, ContactChannel.Line, Jst(24, 14, 4)) { WaitMs = 3_000 },
            new("r:voice:c1", ContactEventKind.Congestion, ContactChannel.Voice, Jst(24, 14, 5)),
            new("r:voice:c2", ContactEventKind.Congestion, ContactChannel.Voice, Jst(24, 14, 6)),
        ]);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        await scope.ServiceProvider.GetRequiredService<IContactEventRecorder>().RecordAsync(db, events, ct);
        await scope.ServiceProvider.GetRequiredService<ContactRollupPass>().RunAsync(1000, ct);

        // Two runs with four hours between them: 720 h − 4 h of 720 h up.
        var first = new NodeUptime("node-a", Jst(1, 0)) { LastSeenAtUtc = Jst(15, 0), StoppedAtUtc = Jst(15, 0) };
        var second = new NodeUptime("node-a", Jst(15, 4)) { LastSeenAtUtc = Jst(30, 23, 59), StoppedAtUtc = JapanTime.At(new DateOnly(2026, 12, 1), TimeOnly.MinValue).UtcDateTime };
        db.NodeUptime.AddRange(first, second);
        await db.SaveChangesAsync(ct);

        // The audit log's access changes (and two entries that are not), appended at the clock's time (30 Nov).
        var audit = scope.ServiceProvider.GetRequiredService<IAuditLog>();
        await audit.AppendAsync(new AuditRecord(AuditActions.UserCreated, null, "admin", "user:tanaka"), ct);
        await audit.AppendAsync(new AuditRecord(AuditActions.RoleGranted, null, "admin", "user:tanaka", "Operator"), ct);
        await audit.AppendAsync(new AuditRecord(AuditActions.RoleRemoved, null, "admin", "user:sato", "=HYPERLINK(\"http://x\")"), ct);
        await audit.AppendAsync(new AuditRecord(AuditActions.UserDisabled, null, "admin", "user:sato"), ct);
        await audit.AppendAsync(new AuditRecord(AuditActions.SignInSucceeded, null, "admin", "user:admin"), ct);
        await audit.AppendAsync(new AuditRecord(AuditActions.UserChanged, null, "admin", "user:tanaka", "name"), ct);

        var faq = scope.ServiceProvider.GetRequiredService<FaqDbContext>();
        faq.Proposals.Add(new FaqProposal(FaqProposalSource.Console, "粗大ごみの出し方を知りたい", Guid.NewGuid(), Jst(24, 10)));
        faq.Proposals.Add(new FaqProposal(FaqProposalSource.Chat, "10月の提案", Guid.NewGuid(), Jst(1, 0).AddHours(-1)));
        await faq.SaveChangesAsync(ct);
    }

    /// <summary>The rows of the table <c>report-{key}</c> on a page: head → cells (decoded text), totals included.</summary>
    public static Dictionary<string, string[]> Rows(string html, string key) =>
        RowList(html, key).ToDictionary(r => r.Head, r => r.Cells, StringComparer.Ordinal);

    /// <summary>The rows of the table <c>report-{key}</c> in order (heads may repeat).</summary>
    public static List<(string Head, string[] Cells)> RowList(string html, string key)
    {
        var table = TablePattern.Matches(html).FirstOrDefault(m => m.Groups["id"].Value == "report-" + key);
        Assert.True(table is not null, $"no table report-{key}");
        return [.. RowPattern.Matches(table.Value).Select(m => (
            WebUtility.HtmlDecode(m.Groups["head"].Value),
            CellPattern.Matches(m.Groups["cells"].Value).Select(c => WebUtility.HtmlDecode(c.Groups[1].Value)).ToArray()))];
    }

    [GeneratedRegex("<table [^>]*id=\"(?<id>[^\"]+)\">.*?</table>", RegexOptions.Singleline)]
    private static partial Regex TableRegex();

    [GeneratedRegex("<tr>\\s*<th scope=\"row\">(?<head>[^<]*)</th>(?<cells>(?:\\s*<td[^>]*>[^<]*</td>)*)\\s*</tr>")]
    private static partial Regex RowRegex();

    [GeneratedRegex("<td[^>]*>([^<]*)</td>")]
    private static partial Regex CellRegex();
}
