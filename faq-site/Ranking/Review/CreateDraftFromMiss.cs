using ConversationHub.Core.Events;
using ConversationHub.Faq.KnowledgeBase.Domain;
using ConversationHub.Faq.KnowledgeBase.Editing;
using ConversationHub.Faq.Persistence;
using ConversationHub.Faq.Search.Service;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ConversationHub.Faq.Ranking.Review;

/// <summary>
/// 「この質問のFAQ下書きを作る」: writes a draft FAQ whose question is a missed search's masked query, through
/// <see cref="SaveFaq"/> so the history records who and when, and marks the query's misses handled (they leave the
/// queue). Both commit together; the editor writes the answer on the draft's edit page.
/// </summary>
internal sealed partial class CreateDraftFromMiss(FaqDbContext db, SaveFaq saveFaq, IHubEvents events, TimeProvider time, ILogger<CreateDraftFromMiss> logger)
{
    /// <summary>The draft's answer until the editor writes one (an FAQ needs an answer; a draft is never shown to citizens).</summary>
    public const string PlaceholderAnswer = "（回答を書いてください。この下書きは、検索で見つからなかった質問から作成しました。）";

    public const string ChangeNote = "検索で見つからなかった質問から下書きを作成（判定の確認）";

    /// <param name="missId">Any miss of the query (the queue gives the oldest).</param>
    public async Task<ReviewOutcome> ExecuteAsync(long missId, Guid? editorId, CancellationToken cancellationToken)
    {
        var miss = await db.SearchMisses.AsNoTracking().FirstOrDefaultAsync(m => m.Id == missId, cancellationToken);
        if (miss is null)
            return ReviewOutcome.NotFound;
        if (miss.HandledAtUtc is not null)
            return ReviewOutcome.AlreadyDecided;

        var strategy = db.Database.CreateExecutionStrategy();
        var outcome = await strategy.ExecuteAsync(ct => CreateInTransactionAsync(miss.MaskedQuery, editorId, ct), cancellationToken);
        if (outcome is { Kind: ReviewOutcomeKind.Done, FaqId: { } faqId })
        {
            // SaveFaq announced the draft before the commit; announce again so no node re-reads the uncommitted state.
            await events.PublishAsync(FaqSearchTopics.FaqChanged, faqId.ToString(), cancellationToken);
            Log.Drafted(logger, missId, outcome.Rows, faqId, editorId);
        }

        return outcome;
    }

    private async Task<ReviewOutcome> CreateInTransactionAsync(string query, Guid? editorId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var edit = new FaqEdit(query, [], PlaceholderAnswer, FaqVisibility.Public, [], [], [], [], null, null, ChangeNote, null);
        var saved = await saveFaq.ExecuteAsync(null, edit, editorId, cancellationToken);
        if (saved.Outcome != FaqEditOutcome.Saved)
            return ReviewOutcome.Invalid(saved.Errors.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal));

        var claimed = await SearchMissClaim.ClaimAsync(db, query, saved.FaqId, editorId, time.GetUtcNow().UtcDateTime, cancellationToken);
        if (claimed == 0)
        {
            // Another editor handled the query first; the draft is rolled back with the transaction.
            return ReviewOutcome.AlreadyDecided;
        }

        await transaction.CommitAsync(cancellationToken);
        return ReviewOutcome.Done(1, claimed, saved.FaqId);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2461, Level = LogLevel.Information, Message = "Review: draft FAQ {FaqId} written for search miss {MissId} ({Rows} misses handled) by user {EditorId}")]
        public static partial void Drafted(ILogger logger, long missId, int rows, Guid faqId, Guid? editorId);
    }
}
