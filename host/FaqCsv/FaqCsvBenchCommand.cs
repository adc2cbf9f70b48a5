using System.Diagnostics;
using System.Globalization;
using System.Text;
using ConversationHub.Core;
using ConversationHub.Core.Organisation;
using ConversationHub.Core.Persistence;
using ConversationHub.Faq;
using ConversationHub.Faq.KnowledgeBase.Csv;

namespace ConversationHub.Host.FaqCsv;

/// <summary>
/// <c>faq csv bench [--rows N] [--provider sqlite|postgres --connection "…"]</c>: on a scratch database, times what an
/// editor does with a file of N FAQs: the dry run and the apply of N registrations, the export, then the dry run and
/// the apply of the export with every answer changed (N updates with history). The budget is a minute for 10,000.
/// </summary>
internal static class FaqCsvBenchCommand
{
    private const string Header = "ID,操作,質問,言い換え,回答,ライフイベント,分野,キーワード,担当部署コード,公開範囲,公開状態,公開開始,公開終了,関連リンク,変更理由";

    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        var rows = int.Parse(BenchHost.Option(args, "--rows") ?? "10000", CultureInfo.InvariantCulture);
        await using var app = await BenchHost.StartAsync(args, "faq-csv-bench", builder => builder.AddFaq(), cancellationToken);
        var provider = app.Provider;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var hub = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            hub.Departments.Add(new Department("100100", "市民課", "シミンカ"));
            await hub.SaveChangesAsync(cancellationToken);
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{rows} FAQs on {provider}; .NET {Environment.Version}, {Environment.ProcessorCount} cores"));
        var total = Stopwatch.StartNew();
        var register = Encoding.UTF8.GetBytes(RegisterFile(rows));
        await TimeAsync(output, $"register: dry run + apply ({register.Length / 1024} KiB)", app.Services, register, FaqCsvChangeKind.Add, rows, cancellationToken);

        using var export = new MemoryStream();
        var watch = Stopwatch.StartNew();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ExportFaqCsv>().WriteAsync(export, FaqCsvEncoding.Utf8, cancellationToken);
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  export                                   {watch.Elapsed.TotalSeconds,6:F1} s"));
        var update = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(export.ToArray()).Replace("です。", "です（改訂）。", StringComparison.Ordinal));
        await TimeAsync(output, "update every answer: dry run + apply", app.Services, update, FaqCsvChangeKind.Update, rows, cancellationToken);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"total {total.Elapsed.TotalSeconds:F1} s"));
        return 0;
    }

    private static async Task TimeAsync(TextWriter output, string what, IServiceProvider services, byte[] file, FaqCsvChangeKind expected, int rows, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        FaqCsvPlan plan;
        await using (var scope = services.CreateAsyncScope())
        {
            plan = await scope.ServiceProvider.GetRequiredService<PlanFaqCsvImport>().ExecuteAsync(file, cancellationToken);
        }

        var dryRun = watch.Elapsed.TotalSeconds;
        if (plan.Errors.Count > 0 || plan.Count(expected) != rows)
        {
            throw new InvalidOperationException($"Unexpected plan: {plan.Count(expected)} × {expected}, {plan.Errors.Count} errors, first: {(plan.Errors.Count > 0 ? plan.Errors[0] : null)}");
        }

        watch.Restart();
        await using (var scope = services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<ApplyFaqCsvImport>().ExecuteAsync(file, plan.PlanHash, null, cancellationToken);
            if (result.Outcome != FaqCsvApplyOutcome.Applied)
            {
                throw new InvalidOperationException($"Not applied: {result.Outcome}");
            }
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  {what,-40} dry run {dryRun,6:F1} s   apply (re-check + write) {watch.Elapsed.TotalSeconds,6:F1} s   sum {dryRun + watch.Elapsed.TotalSeconds,6:F1} s"));
    }

    private static string RegisterFile(int rows)
    {
        string[] topics = ["住民票の写し", "粗大ごみの収集", "児童手当の申請", "国民健康保険の切り替え", "保育所の入所", "固定資産税の納付", "転入の手続き", "予防接種の予約"];
        var text = new StringBuilder(Header).Append("\r\n");
        for (var i = 0; i < rows; i++)
        {
            var topic = topics[i % topics.Length];
            text.Append(CultureInfo.InvariantCulture,
                $",登録,{topic}について（{i}）はどうすればよいですか？,\"{topic} {i} の方法\n{topic} {i} の窓口\",\"{topic}は市民課の窓口で受け付けています。番号 {i} です。\n\n- 持ち物：本人確認書類\n- 受付時間：平日8時30分〜17時15分\",,,\"{topic}\nベンチ\",100100,公開,公開,,,申請書 https://www.example.jp/form/{i},\r\n");
        }

        return text.ToString();
    }

}
