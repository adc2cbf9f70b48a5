using ConversationHub.Core.Events;
using ConversationHub.Faq.KnowledgeBase.Domain;
using ConversationHub.Faq.Persistence;
using ConversationHub.Faq.Search.Service;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Faq.KnowledgeBase.Csv;

/// <summary>The outcome of applying an FAQ CSV.</summary>
internal enum FaqCsvApplyOutcome
{
    Applied,

    /// <summary>The file has errors now (an FAQ or a category changed since the dry run); nothing was written.</summary>
    Invalid,

    /// <summary>The file, or an FAQ it touches, differs from the dry run the editor confirmed; nothing was written.</summary>
    Stale,
}

/// <summary>The outcome and the plan it was decided on.</summary>
internal sealed record FaqCsvApplyResult(FaqCsvApplyOutcome Outcome, FaqCsvPlan Plan);

/// <summary>
/// Applies a confirmed dry run in one transaction (all rows or none): adds, updates and archives FAQs, each with a
/// revision that records the editor and the time, as an edit in the console does; then refreshes every node's index.
/// </summary>
internal sealed class ApplyFaqCsvImport(FaqDbContext db, PlanFaqCsvImport plan, IHubEvents events, TimeProvider time)
{
    /// <summary>Above this many changed FAQs one "rebuild" event replaces the per-FAQ events (one index rebuild per node).</summary>
    internal const int PerFaqEventLimit = 50;

    public async Task<FaqCsvApplyResult> ExecuteAsync(byte[] file, string expectedPlanHash, Guid? editorId, CancellationToken cancellationToken)
    {
        // A retrying strategy (if one is configured) replays the whole unit: re-check, write, commit.
        var strategy = db.Database.CreateExecutionStrategy();
        var (result, changed) = await strategy.ExecuteAsync(ct => ApplyInTransactionAsync(file, expectedPlanHash, editorId, ct), cancellationToken);
        if (result.Outcome == FaqCsvApplyOutcome.Applied)
        {
            await PublishAsync(changed, cancellationToken);
        }

        return result;
    }

    private async Task<(FaqCsvApplyResult, List<Guid>)> ApplyInTransactionAsync(byte[] file, string expectedPlanHash, Guid? editorId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The plan is made again inside the transaction, so what is written was checked against what is stored.
        var planned = await plan.ExecuteAsync(file, cancellationToken);
        if (planned.Errors.Count > 0)
        {
            return (new(FaqCsvApplyOutcome.Invalid, planned), []);
        }

        if (!string.Equals(planned.PlanHash, expectedPlanHash, StringComparison.Ordinal))
        {
            return (new(FaqCsvApplyOutcome.Stale, planned), []);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var categories = await db.Categories.ToDictionaryAsync(c => (c.Kind, c.Name), cancellationToken);
        // PERF: changes are detected once before SaveChanges rather than after every added row.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var changed = new List<Guid>(planned.Targets.Count);
        try
        {
            foreach (var target in planned.Targets)
            {
                var faq = target.Faq ?? new FaqEntry(target.Question, target.AnswerMarkdown) { CreatedAtUtc = now };
                if (target.Kind == FaqCsvChangeKind.Delete)
                {
                    faq.Status = FaqStatus.Archived;
                }
                else
                {
                    Apply(faq, target, categories);
                }

                if (target.Faq is null)
                {
                    db.Faqs.Add(faq);
                }

                faq.UpdatedAtUtc = now;
                db.Revisions.Add(new FaqRevision(faq.Id, target.CurrentRevision + 1, FaqRevisionSnapshot.Of(faq).ToJson(), now)
                {
                    EditorUserId = editorId,
                    ChangeNote = target.ChangeNote[..Math.Min(target.ChangeNote.Length, 500)],
                });
                changed.Add(faq.Id);
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }

        await transaction.CommitAsync(cancellationToken);
        return (new(FaqCsvApplyOutcome.Applied, planned), changed);
    }

    private void Apply(FaqEntry faq, FaqCsvTarget target, Dictionary<(FaqCategoryKind, string), FaqCategory> categories)
    {
        faq.Question = target.Question;
        faq.AnswerMarkdown = target.AnswerMarkdown;
        faq.Visibility = target.Visibility;
        faq.Status = target.Status;
        faq.PublishFromUtc = target.PublishFromUtc;
        faq.PublishUntilUtc = target.PublishUntilUtc;
        // As in SaveFaq: new child rows are added explicitly, or EF takes their client-generated keys for existing rows.
        if (!faq.Paraphrases.Select(p => p.Text).SequenceEqual(target.Paraphrases))
        {
            faq.Paraphrases.Clear();
            foreach (var paraphrase in target.Paraphrases.Select(p => new FaqParaphrase(p)))
            {
                faq.Paraphrases.Add(paraphrase);
                db.Add(paraphrase);
            }
        }

        var owners = target.DepartmentIds.ToHashSet();
        faq.Owners.RemoveAll(o => !owners.Contains(o.DepartmentId));
        faq.Owners.AddRange(owners.Where(d => !faq.Owners.Any(o => o.DepartmentId == d)).Select(d => new FaqOwner(d)));
        if (!faq.RelatedLinks.OrderBy(l => l.SortOrder).Select(l => (l.Title, l.Url)).SequenceEqual(target.Links))
        {
            faq.RelatedLinks.Clear();
            foreach (var link in target.Links.Select((l, i) => new FaqRelatedLink(l.Title, l.Url) { SortOrder = i }))
            {
                faq.RelatedLinks.Add(link);
                db.Add(link);
            }
        }

        var wanted = new List<FaqCategory>(target.Categories.Count);
        foreach (var (kind, name) in target.Categories)
        {
            if (!categories.TryGetValue((kind, name), out var category))
            {
                // Only keywords are created on demand; life events and fields were checked to exist.
                category = new FaqCategory(kind, name);
                categories.Add((kind, name), category);
                db.Categories.Add(category);
            }

            wanted.Add(category);
        }

        faq.Categories.RemoveAll(c => !wanted.Contains(c));
        faq.Categories.AddRange(wanted.Where(c => !faq.Categories.Contains(c)));
    }

    private async Task PublishAsync(List<Guid> changed, CancellationToken cancellationToken)
    {
        if (changed.Count > PerFaqEventLimit)
        {
            await events.PublishAsync(FaqSearchTopics.FaqChanged, FaqSearchTopics.AllFaqs, cancellationToken);
            return;
        }

        foreach (var id in changed)
        {
            await events.PublishAsync(FaqSearchTopics.FaqChanged, id.ToString(), cancellationToken);
        }
    }
}
