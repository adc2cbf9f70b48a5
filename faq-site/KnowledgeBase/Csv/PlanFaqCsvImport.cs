using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ConversationHub.Core.Export;
using ConversationHub.Core.Persistence;
using ConversationHub.Faq.Editor;
using ConversationHub.Faq.KnowledgeBase.Domain;
using ConversationHub.Faq.KnowledgeBase.Editing;
using ConversationHub.Faq.Persistence;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Faq.KnowledgeBase.Csv;

/// <summary>
/// The dry run of an FAQ CSV: reads the file, checks every row against the knowledge base and lists what would be
/// added, changed and deleted (archived) and every row's error in Japanese. It writes nothing; the FAQs it loads stay
/// tracked so that <see cref="ApplyFaqCsvImport"/> can change them in the same unit of work.
/// </summary>
internal sealed class PlanFaqCsvImport(FaqDbContext db, HubDbContext hub)
{
    /// <summary>Files larger than this are refused before reading (10,000 long FAQs fit comfortably).</summary>
    public const int MaxFileBytes = 32 * 1024 * 1024;

    public const int MaxRows = 20000;

    public async Task<FaqCsvPlan> ExecuteAsync(byte[] file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var fileHash = Convert.ToHexStringLower(SHA256.HashData(file));
        var errors = new List<FaqCsvError>();
        if (file.Length > MaxFileBytes)
        {
            return Failed(fileHash, null, new FaqCsvError(0, null, $"ファイルが大きすぎます（{MaxFileBytes / 1024 / 1024}MBまで）。"));
        }

        if (FaqCsvFormat.Decode(file, out var encoding) is not { } text)
        {
            return Failed(fileHash, null, new FaqCsvError(0, null, "文字コードを判別できません。UTF-8（BOMあり・なし）か Shift_JIS で保存してください。"));
        }

        var rows = Read(text, errors);
        if (errors.Count > 0 && rows.Count == 0)
        {
            return Failed(fileHash, encoding, [.. errors]);
        }

        var context = await LoadContextAsync(cancellationToken);
        var changes = new List<FaqCsvChange>(rows.Count);
        var targets = new List<FaqCsvTarget>(rows.Count);
        var seenIds = new Dictionary<Guid, int>();
        foreach (var row in rows)
        {
            var before = errors.Count;
            var target = new FaqCsvRowChecker(row, context, seenIds, errors).Check();
            if (target is null || errors.Count > before)
            {
                continue;
            }

            var parts = target.Faq is null ? ["Part_Created"] : RevisionHistory.ChangedParts(FaqRevisionSnapshot.Of(target.Faq), SnapshotOf(target));
            var kind = target.Kind == FaqCsvChangeKind.Add || parts.Count > 0 ? target.Kind : FaqCsvChangeKind.Unchanged;
            changes.Add(new FaqCsvChange(row.Number, kind, target.Faq?.Id, target.Question.Length > 0 ? target.Question : target.Faq?.Question ?? "", parts));
            if (kind != FaqCsvChangeKind.Unchanged)
            {
                targets.Add(target);
            }
        }

        errors.Sort((a, b) => a.Row.CompareTo(b.Row));
        return new FaqCsvPlan
        {
            FileHash = fileHash,
            PlanHash = PlanHashOf(fileHash, targets),
            Encoding = encoding,
            Changes = changes,
            Errors = errors,
            Targets = errors.Count == 0 ? targets : [],
        };
    }

    /// <summary>The snapshot the row would leave, in the form the history compares.</summary>
    internal static FaqRevisionSnapshot SnapshotOf(FaqCsvTarget target) => new(
        target.Question,
        target.Paraphrases,
        target.AnswerMarkdown,
        [.. target.Categories.OrderBy(c => c.Kind).ThenBy(c => c.Name, StringComparer.Ordinal).Select(c => $"{c.Kind}:{c.Name}")],
        target.Visibility.ToString(),
        target.Status.ToString(),
        target.PublishFromUtc,
        target.PublishUntilUtc,
        [.. target.Links.Select(l => new FaqRevisionSnapshot.Link(l.Title, l.Url))],
        [.. target.DepartmentIds.Order()]);

    private async Task<FaqCsvContext> LoadContextAsync(CancellationToken cancellationToken)
    {
        // PERF: one query per table for the whole file instead of one per row; 10,000 rows plan in a few seconds.
        var faqs = await db.Faqs.AsSplitQuery().Include(f => f.Paraphrases).Include(f => f.Categories).Include(f => f.Owners).Include(f => f.RelatedLinks)
            .ToDictionaryAsync(f => f.Id, cancellationToken);
        var revisions = await db.Revisions.GroupBy(r => r.FaqId).Select(g => new { g.Key, Number = g.Max(r => r.Number) })
            .ToDictionaryAsync(r => r.Key, r => r.Number, cancellationToken);
        var categories = await db.Categories.AsNoTracking().Where(c => c.Kind != FaqCategoryKind.Keyword)
            .Select(c => new { c.Kind, c.Name }).ToListAsync(cancellationToken);
        var departments = await hub.Departments.AsNoTracking().Where(d => d.IsActive).Select(d => new { d.Code, d.Id }).ToDictionaryAsync(d => d.Code, d => d.Id, StringComparer.Ordinal, cancellationToken);
        return new FaqCsvContext(faqs, revisions, [.. categories.Select(c => (c.Kind, c.Name))], departments);
    }

    private static List<FaqCsvRow> Read(string text, List<FaqCsvError> errors)
    {
        var rows = new List<FaqCsvRow>();
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            MissingFieldFound = null,
            HeaderValidated = null,
            BadDataFound = args => errors.Add(new(args.Context.Parser?.Row ?? 0, null, "CSVの形式が正しくありません（「\"」の閉じ忘れなど）。")),
        };
        using var reader = new StringReader(text);
        using var csv = new CsvReader(reader, config);
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { } header)
        {
            errors.Add(new(0, null, "ファイルが空です。1行目に見出し（ID, 操作, 質問, 回答 …）を入れてください。"));
            return rows;
        }

        var columns = header.Select((name, index) => (Name: name.Trim(), index)).GroupBy(c => c.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().index, StringComparer.Ordinal);
        var missing = FaqCsvFormat.RequiredColumns.Where(c => !columns.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            errors.AddRange(missing.Select(c => new FaqCsvError(1, c, $"見出しに「{c}」の列がありません。")));
            return rows;
        }

        while (csv.Read())
        {
            var number = csv.Parser.Row;
            if (rows.Count >= MaxRows)
            {
                errors.Add(new(number, null, $"行が多すぎます（{MaxRows}行まで）。ファイルを分けてください。"));
                break;
            }

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (name, index) in columns)
            {
                if (FaqCsvFormat.Columns.Contains(name))
                {
                    values[name] = SpreadsheetCells.Restore(csv.TryGetField<string>(index, out var value) ? value ?? "" : "");
                }
            }

            // Excel leaves rows of empty cells at the end of a sheet; they are not FAQs.
            if (values.Values.All(v => v.Trim().Length == 0))
            {
                continue;
            }

            rows.Add(new FaqCsvRow(number, values));
        }

        return rows;
    }

    private static string PlanHashOf(string fileHash, IEnumerable<FaqCsvTarget> targets)
    {
        var text = new StringBuilder(fileHash);
        foreach (var target in targets)
        {
            text.Append('|').Append(target.Kind).Append(':').Append(target.Faq?.Id).Append(':').Append(target.CurrentRevision);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static FaqCsvPlan Failed(string fileHash, FaqCsvEncoding? encoding, params FaqCsvError[] errors) =>
        new() { FileHash = fileHash, PlanHash = fileHash, Encoding = encoding, Changes = [], Errors = errors };
}

/// <summary>One data row by column name; <see cref="Number"/> is the row as Excel numbers it (the header is 1).</summary>
internal sealed record FaqCsvRow(int Number, IReadOnlyDictionary<string, string> Values)
{
    /// <summary>The cell, or null when the file has no such column.</summary>
    public string? this[string column] => Values.TryGetValue(column, out var value) ? value : null;
}

/// <summary>What the rows are checked against, loaded once per file.</summary>
internal sealed record FaqCsvContext(
    IReadOnlyDictionary<Guid, FaqEntry> Faqs,
    IReadOnlyDictionary<Guid, int> Revisions,
    HashSet<(FaqCategoryKind Kind, string Name)> Categories,
    IReadOnlyDictionary<string, Guid> Departments);
