using System.Diagnostics;
using System.Globalization;
using ConversationHub.Core;
using ConversationHub.Core.Persistence;
using ConversationHub.Handoff;
using ConversationHub.Handoff.Cases;
using ConversationHub.Handoff.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Host.Cases;

/// <summary>
/// <c>cases bench [--cases N] [--provider sqlite|postgres --connection "…"] [--runs R]</c>: fills a scratch database with N
/// cases (personal fields encrypted, as in production) and times what the case console does: the first page of the
/// list, free-text search (which decrypts), a phone search, sort by name, the dashboard, one case page with its
/// duplicates, and the CSV export. The list decrypts the rows SQL leaves, so this shows where that stops being fast.
/// </summary>
internal static class CasesBenchCommand
{
    private static readonly string[] FamilyNames = ["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "吉田", "山田", "佐々木", "山口", "松本"];
    private static readonly string[] GivenNames = ["花子", "太郎", "一郎", "美咲", "大翔", "結衣", "陽菜", "蓮", "湊", "葵", "健", "恵子", "和子", "誠", "翔太"];
    private static readonly string[] Topics = ["児童手当の申請", "住民票の写し", "粗大ごみの収集", "国民健康保険の切り替え", "保育所の入所", "固定資産税の納付", "転入の手続き", "予防接種の予約", "道路の補修", "防災無線が聞こえない"];

    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        var count = int.Parse(BenchHost.Option(args, "--cases") ?? "10000", CultureInfo.InvariantCulture);
        var runs = int.Parse(BenchHost.Option(args, "--runs") ?? "10", CultureInfo.InvariantCulture);
        await using var app = await BenchHost.StartAsync(args, "cases-bench", builder => builder.AddHandoff(), cancellationToken);
        var provider = app.Provider;
        var seeding = Stopwatch.StartNew();
        var probe = await SeedAsync(app.Services, count, cancellationToken);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{count} cases on {provider} in {seeding.Elapsed.TotalSeconds:F1} s; .NET {Environment.Version}, {Environment.ProcessorCount} cores; median and max of {runs} runs"));

        var actor = new CaseActor(Guid.NewGuid(), null, IsOperator: true, IsSupervisor: false, IsApprover: false, IsDepartmentStaff: false);
        await TimeAsync(output, "list, first page (newest first)", runs, app.Services, q => q.ListAsync(actor, new CaseListQuery(), cancellationToken));
        await TimeAsync(output, "list, search a name (decrypts)", runs, app.Services, q => q.ListAsync(actor, new CaseListQuery { Q = probe.Name }, cancellationToken));
        await TimeAsync(output, "list, search a phone number", runs, app.Services, q => q.ListAsync(actor, new CaseListQuery { Q = probe.Phone }, cancellationToken));
        await TimeAsync(output, "list, search a case number", runs, app.Services, q => q.ListAsync(actor, new CaseListQuery { Q = probe.Number }, cancellationToken));
        await TimeAsync(output, "list, sorted by name", runs, app.Services, q => q.ListAsync(actor, new CaseListQuery { Sort = "contactName", Desc = false }, cancellationToken));
        await TimeAsync(output, "list, one status (SQL filter)", runs, app.Services, q => q.ListAsync(actor, new CaseListQuery { Status = [CaseStatus.Escalated] }, cancellationToken));
        await TimeAsync(output, "dashboard", runs, app.Services, q => q.DashboardAsync(actor, cancellationToken));
        await TimeAsync(output, "case page with duplicates", runs, app.Services, q => q.GetAsync(actor, probe.Id, cancellationToken));
        await TimeAsync(output, "export, every case (CSV)", Math.Max(1, runs / 2), app.Services, async q =>
        {
            var rows = await q.SortedAsync(actor, new CaseListQuery { Sort = "number", Desc = false }, cancellationToken);
            await new CaseExport(app.Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Handoff.Resources.HandoffStrings>>())
                .WriteAsync(Stream.Null, rows, CaseCsvEncoding.Utf8, cancellationToken);
            return rows.Count;
        });
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"process working set {Environment.WorkingSet / 1024 / 1024} MB, managed heap {GC.GetTotalMemory(false) / 1024 / 1024} MB"));
        return 0;
    }

    private sealed record Probe(Guid Id, string Number, string Name, string Phone);

    private static async Task<Probe> SeedAsync(IServiceProvider services, int count, CancellationToken cancellationToken)
    {
        var random = new Random(15);
        var start = DateTime.UtcNow.AddDays(-365);
        Probe? probe = null;
        const int Batch = 500;
        for (var offset = 0; offset < count; offset += Batch)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
            for (var i = offset; i < Math.Min(count, offset + Batch); i++)
            {
                var name = $"{FamilyNames[random.Next(FamilyNames.Length)]} {GivenNames[random.Next(GivenNames.Length)]}";
                var phone = string.Create(CultureInfo.InvariantCulture, $"0{random.Next(10, 99)}-{random.Next(1000, 9999)}-{random.Next(1000, 9999)}");
                var record = new CaseRecord(2026, i + 1, (CaseChannel)random.Next(6), null, start.AddMinutes(i * (365.0 * 24 * 60 / count)))
                {
                    Status = (CaseStatus)random.Next(6),
                    Subject = $"{Topics[random.Next(Topics.Length)]}について",
                    Description = $"{Topics[random.Next(Topics.Length)]}について教えてください。先日窓口で聞いた内容と違う気がします。番号 {i}",
                    ContactName = name,
                    ContactPhone = phone,
                    ContactEmail = string.Create(CultureInfo.InvariantCulture, $"citizen{i}@example.jp"),
                    Address = $"若葉台市中央{random.Next(1, 9)}-{random.Next(1, 30)}",
                };
                CaseContact.Rehash(record, db.Pii);
                db.Cases.Add(record);
                if (i == count / 2)
                {
                    probe = new Probe(record.Id, record.Number, name.Split(' ')[1], phone);
                }
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return probe!;
    }

    private static async Task TimeAsync<T>(TextWriter output, string what, int runs, IServiceProvider services, Func<CaseQueries, Task<T>> run)
    {
        var times = new List<double>();
        for (var i = 0; i <= runs; i++)
        {
            await using var scope = services.CreateAsyncScope();
            var queries = scope.ServiceProvider.GetRequiredService<CaseQueries>();
            var watch = Stopwatch.StartNew();
            await run(queries);
            if (i > 0)
            {
                // The first run warms EF Core's query cache and the JIT.
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        times.Sort();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {what,-36} median {times[times.Count / 2],8:F1} ms   max {times[^1],8:F1} ms"));
    }

}
