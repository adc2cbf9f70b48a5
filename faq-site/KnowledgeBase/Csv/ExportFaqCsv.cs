using System.Globalization;
using ConversationHub.Core.Export;
using ConversationHub.Core.Persistence;
using ConversationHub.Faq.KnowledgeBase.Domain;
using ConversationHub.Faq.Persistence;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using F = ConversationHub.Faq.KnowledgeBase.Csv.FaqCsvFormat;

namespace ConversationHub.Faq.KnowledgeBase.Csv;

/// <summary>
/// Writes every FAQ (archived ones too) in the import format with 操作 = 更新, so the file re-imports as "no changes"
/// and an editor changes FAQs by editing it.
/// </summary>
internal sealed class ExportFaqCsv(FaqDbContext db, HubDbContext hub)
{
    public async Task WriteAsync(Stream output, FaqCsvEncoding encoding, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var codes = await hub.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Code, cancellationToken);
        var faqs = await db.Faqs.AsNoTracking().AsSplitQuery().Include(f => f.Paraphrases).Include(f => f.Categories).Include(f => f.Owners).Include(f => f.RelatedLinks)
            .OrderBy(f => f.CreatedAtUtc).ThenBy(f => f.Id).ToListAsync(cancellationToken);
        await using var writer = new StreamWriter(output, F.EncodingOf(encoding), bufferSize: 64 * 1024, leaveOpen: true);
        // NewLine is left at its default (CRLF): setting it makes CsvHelper quote only cells containing that exact
        // sequence, and a cell with a bare LF (lists, answers) would then break the row.
        await using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture));
        foreach (var column in F.Columns)
        {
            csv.WriteField(column);
        }

        await csv.NextRecordAsync();
        foreach (var faq in faqs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            csv.WriteField(faq.Id.ToString());
            csv.WriteField(F.Update);
            Text(csv, faq.Question);
            Text(csv, F.JoinLines(faq.Paraphrases.Select(p => p.Text)));
            Text(csv, faq.AnswerMarkdown);
            Text(csv, Names(faq, FaqCategoryKind.LifeEvent));
            Text(csv, Names(faq, FaqCategoryKind.Field));
            Text(csv, Names(faq, FaqCategoryKind.Keyword));
            Text(csv, F.JoinLines(faq.Owners.Select(o => codes.TryGetValue(o.DepartmentId, out var code) ? code : o.DepartmentId.ToString())));
            csv.WriteField(F.VisibilityLabel(faq.Visibility));
            csv.WriteField(F.StatusLabel(faq.Status));
            csv.WriteField(F.FormatTime(faq.PublishFromUtc));
            csv.WriteField(F.FormatTime(faq.PublishUntilUtc));
            Text(csv, F.JoinLines(faq.RelatedLinks.OrderBy(l => l.SortOrder).Select(l => F.FormatLink(l.Title, l.Url))));
            csv.WriteField("");
            await csv.NextRecordAsync();
        }

        await csv.FlushAsync();
    }

    private static string Names(FaqEntry faq, FaqCategoryKind kind) =>
        F.JoinLines(faq.Categories.Where(c => c.Kind == kind).OrderBy(c => c.SortOrder).ThenBy(c => c.Name, StringComparer.Ordinal).Select(c => c.Name));

    private static void Text(CsvWriter csv, string value) => csv.WriteField(SpreadsheetCells.Neutralise(value));
}
