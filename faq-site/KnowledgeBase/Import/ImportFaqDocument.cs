using ConversationHub.Faq.KnowledgeBase.Domain;
using ConversationHub.Faq.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ConversationHub.Faq.KnowledgeBase.Import;

/// <summary>
/// Imports a <see cref="FaqDocument"/> as published FAQs, creating categories on demand. FAQs whose key already
/// exists are left as they are (editors may have changed them since), so the import can run on every start.
/// </summary>
public sealed partial class ImportFaqDocument(FaqDbContext db, TimeProvider time, ILogger<ImportFaqDocument> logger)
{
    /// <summary>Imports the FAQs not yet present; returns how many were added.</summary>
    /// <param name="document">The FAQs.</param>
    /// <param name="departmentIds">Department code → id, for the owning departments.</param>
    /// <param name="cancellationToken">Cancels the import.</param>
    /// <exception cref="InvalidDataException">An entry is invalid; nothing is imported.</exception>
    public async Task<int> ExecuteAsync(FaqDocument document, IReadOnlyDictionary<string, Guid> departmentIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(departmentIds);
        Validate(document, departmentIds);

        var existingKeys = await db.Faqs.Where(f => f.ExternalKey != null).Select(f => f.ExternalKey!).ToHashSetAsync(StringComparer.Ordinal, cancellationToken);
        var categories = await db.Categories.ToDictionaryAsync(c => (c.Kind, c.Name), cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var added = 0;
        foreach (var entry in document.Faqs.Where(e => !existingKeys.Contains(e.Key)))
        {
            var faq = new FaqEntry(entry.Question.Trim(), entry.Answer.Trim())
            {
                ExternalKey = entry.Key,
                Status = FaqStatus.Published,
                Visibility = ParseVisibility(entry.Visibility),
                CreatedAtUtc = now,
                UpdatedAtUtc = now,
            };
            faq.Paraphrases.AddRange((entry.Paraphrases ?? []).Select(p => new FaqParaphrase(p.Trim())));
            faq.Owners.AddRange((entry.Departments ?? []).Distinct(StringComparer.Ordinal).Select(code => new FaqOwner(departmentIds[code])));
            AddCategories(faq, FaqCategoryKind.LifeEvent, entry.LifeEvents, categories);
            AddCategories(faq, FaqCategoryKind.Field, entry.Fields, categories);
            AddCategories(faq, FaqCategoryKind.Keyword, entry.Keywords, categories);
            db.Faqs.Add(faq);
            added++;
        }

        await db.SaveChangesAsync(cancellationToken);
        Log.Imported(logger, added, document.Faqs.Count - added);
        return added;
    }

    private void AddCategories(FaqEntry faq, FaqCategoryKind kind, IReadOnlyList<string>? names, Dictionary<(FaqCategoryKind, string), FaqCategory> categories)
    {
        foreach (var name in (names ?? []).Select(n => n.Trim()).Distinct(StringComparer.Ordinal))
        {
            if (!categories.TryGetValue((kind, name), out var category))
            {
                category = new FaqCategory(kind, name) { SortOrder = categories.Count(c => c.Key.Item1 == kind) };
                categories.Add((kind, name), category);
                db.Categories.Add(category);
            }

            faq.Categories.Add(category);
        }
    }

    private static FaqVisibility ParseVisibility(string? value) =>
        Enum.TryParse<FaqVisibility>(value, ignoreCase: true, out var visibility) ? visibility : FaqVisibility.Public;

    private static void Validate(FaqDocument document, IReadOnlyDictionary<string, Guid> departmentIds)
    {
        var errors = new List<string>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < document.Faqs.Count; i++)
        {
            var entry = document.Faqs[i];
            var at = $"faqs[{i}] ({entry.Key})";
            if (string.IsNullOrWhiteSpace(entry.Key) || entry.Key.Length > 64 || !keys.Add(entry.Key))
            {
                errors.Add($"{at}: key must be unique, 1–64 characters.");
            }

            if (string.IsNullOrWhiteSpace(entry.Question) || entry.Question.Length > 500)
            {
                errors.Add($"{at}: question must be 1–500 characters.");
            }

            if (string.IsNullOrWhiteSpace(entry.Answer))
            {
                errors.Add($"{at}: answer is required.");
            }

            if (entry.Visibility is not null && !Enum.TryParse<FaqVisibility>(entry.Visibility, ignoreCase: true, out _))
            {
                errors.Add($"{at}: visibility must be public, center or staff.");
            }

            errors.AddRange((entry.Departments ?? []).Where(code => !departmentIds.ContainsKey(code)).Select(code => $"{at}: unknown department code '{code}'."));
        }

        if (errors.Count > 0)
        {
            throw new InvalidDataException("FAQ document is invalid:\n" + string.Join("\n", errors));
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2000, Level = LogLevel.Information, Message = "Imported {Added} FAQs ({Skipped} already present)")]
        public static partial void Imported(ILogger logger, int added, int skipped);
    }
}
