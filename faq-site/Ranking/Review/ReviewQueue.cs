using ConversationHub.Faq.KnowledgeBase.Domain;
using ConversationHub.Faq.Persistence;
using ConversationHub.Faq.Ranking.Judgements;
using ConversationHub.Faq.Search.Index;
using ConversationHub.Faq.Site;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Faq.Ranking.Review;

/// <summary>
/// The review queue of the retraining console: waiting candidates grouped by (query, FAQ) and unhandled search
/// misses grouped by query, most frequent first. Candidates group by the query as training folds it
/// (<see cref="SynonymExpander.FoldForMatching"/>), because <see cref="JudgementLabels"/> reads rows that fold alike
/// as one judgement; the group shows the oldest row's wording.
/// </summary>
/// <remarks>
/// PERF: the queries are encrypted at rest, so grouping and the text filter run in memory over every waiting
/// candidate. The queue stays small when editors keep up (decided rows leave it); if it grows past tens of
/// thousands, page in SQL by FAQ first.
/// </remarks>
internal sealed class ReviewQueue(FaqDbContext db)
{
    public const int PageSize = 20;

    /// <summary>One page of the groups matching <paramref name="filter"/>, with counts per source.</summary>
    public async Task<ReviewQueuePage> PageAsync(ReviewFilter filter, int page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var all = await LoadAsync(filter with { Source = null }, null, null, cancellationToken);
        var counts = ReviewSources.All.ToDictionary(s => s, s => all.Groups.Count(g => g.Sources.ContainsKey(s)), StringComparer.Ordinal);
        var matching = filter.Source is null ? all.Groups : [.. all.Groups.Where(g => g.Sources.ContainsKey(filter.Source))];
        var pageCount = Math.Max(1, (matching.Count + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var shown = matching.Skip((page - 1) * PageSize).Take(PageSize).ToList();
        return new ReviewQueuePage(shown, matching.Count, page, PageSize, counts, all.MaxJudgementId, all.MaxMissId);
    }

    /// <summary>
    /// Every group matching <paramref name="filter"/>, made of rows no newer than the given ids (null: all rows), and
    /// the newest ids read.
    /// </summary>
    public async Task<(IReadOnlyList<ReviewGroup> Groups, long MaxJudgementId, long MaxMissId)> LoadAsync(
        ReviewFilter filter, long? upToJudgementId, long? upToMissId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        // The newest ids first, then rows up to them: a row stored in between is neither shown nor decided unseen.
        var maxJudgementId = upToJudgementId ?? await db.RankingJudgements.MaxAsync(j => (long?)j.Id, cancellationToken) ?? 0;
        var maxMissId = upToMissId ?? await db.SearchMisses.MaxAsync(m => (long?)m.Id, cancellationToken) ?? 0;
        var candidates = filter.Source == ReviewSources.SearchMiss ? [] : await CandidateGroupsAsync(maxJudgementId, cancellationToken);
        var misses = filter.CategoryId is not null || (filter.Source is not null && filter.Source != ReviewSources.SearchMiss)
            ? [] : await MissGroupsAsync(maxMissId, cancellationToken);
        var groups = candidates.Concat(misses)
            .Where(g => Matches(g, filter))
            .OrderByDescending(g => g.Count).ThenByDescending(g => g.LastSeenUtc).ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        return (groups, maxJudgementId, maxMissId);
    }

    /// <summary>
    /// The waiting candidates of each group named by one of its rows (a group's id is its oldest row), up to an id;
    /// a name that is no waiting row is left out.
    /// </summary>
    public async Task<Dictionary<long, List<RankingJudgement>>> CandidatesOfAsync(IReadOnlyCollection<long> groupIds, long? upToId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(groupIds);
        var rows = await WaitingCandidatesAsync(upToId, cancellationToken);
        var byKey = rows.ToLookup(KeyOf);
        var byId = rows.ToDictionary(j => j.Id);
        var groups = new Dictionary<long, List<RankingJudgement>>();
        foreach (var id in groupIds.Distinct())
        {
            if (byId.TryGetValue(id, out var row))
                groups[id] = [.. byKey[KeyOf(row)]];
        }

        return groups;
    }

    private async Task<List<ReviewGroup>> CandidateGroupsAsync(long? upToId, CancellationToken cancellationToken)
    {
        var rows = await WaitingCandidatesAsync(upToId, cancellationToken);
        var faqIds = rows.Select(j => j.FaqId).Distinct().ToList();
        var faqs = await db.Faqs.AsNoTracking().Where(f => faqIds.Contains(f.Id))
            .Select(f => new { f.Id, f.Question, Categories = f.Categories.Where(c => c.Kind != FaqCategoryKind.Keyword).OrderBy(c => c.SortOrder).Select(c => new { c.Id, c.Name }).ToList() })
            .ToDictionaryAsync(f => f.Id, cancellationToken);
        return [.. rows.GroupBy(KeyOf).Select(g =>
        {
            var first = g.First();
            var faq = faqs.GetValueOrDefault(first.FaqId);
            return new ReviewGroup(
                ReviewGroupKind.Candidate,
                first.Id,
                g.Max(j => j.Id),
                first.Query,
                first.FaqId,
                faq?.Question,
                faq is null ? [] : [.. faq.Categories.Select(c => c.Name)],
                g.GroupBy(j => JudgementSourceNames.ToStored(j.Source)).ToDictionary(s => s.Key, s => s.Count(), StringComparer.Ordinal),
                g.Count(),
                g.Min(j => j.CreatedAtUtc),
                g.Max(j => j.CreatedAtUtc))
            {
                CategoryIds = faq is null ? [] : [.. faq.Categories.Select(c => c.Id)],
            };
        })];
    }

    // Waiting: a candidate source, a positive grade (a citizen's "not helpful" says nothing to confirm) and no decision yet.
    private async Task<List<RankingJudgement>> WaitingCandidatesAsync(long? upToId, CancellationToken cancellationToken)
    {
        var sources = ReviewSources.Candidates;
        var max = upToId ?? long.MaxValue;
        return await db.RankingJudgements.AsNoTracking()
            .Where(j => sources.Contains(j.Source) && j.ReviewOfId == null && j.Grade > 0 && j.Id <= max
                && !db.RankingJudgements.Any(r => r.ReviewOfId == j.Id))
            .OrderBy(j => j.Id)
            .ToListAsync(cancellationToken);
    }

    private async Task<List<ReviewGroup>> MissGroupsAsync(long? upToId, CancellationToken cancellationToken)
    {
        var max = upToId ?? long.MaxValue;
        var rows = await db.SearchMisses.AsNoTracking()
            .Where(m => m.HandledAtUtc == null && m.Id <= max)
            .GroupBy(m => m.MaskedQuery)
            .Select(g => new { Query = g.Key, FirstId = g.Min(m => m.Id), LastId = g.Max(m => m.Id), Count = g.Count(), First = g.Min(m => m.CreatedAtUtc), Last = g.Max(m => m.CreatedAtUtc) })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new ReviewGroup(
            ReviewGroupKind.Miss, r.FirstId, r.LastId, r.Query, null, null, [],
            new Dictionary<string, int>(StringComparer.Ordinal) { [ReviewSources.SearchMiss] = r.Count }, r.Count, r.First, r.Last))];
    }

    private static (string Query, Guid FaqId) KeyOf(RankingJudgement j) => (SynonymExpander.FoldForMatching(j.Query), j.FaqId);

    private static bool Matches(ReviewGroup group, ReviewFilter filter)
    {
        if (filter.Source is { } source && !group.Sources.ContainsKey(source))
            return false;
        if (filter.CategoryId is { } category && !group.CategoryIds.Contains(category))
            return false;
        if (filter.FromDay is { } from && JapanDate.DayOf(group.LastSeenUtc) < from)
            return false;
        if (filter.ToDay is { } to && JapanDate.DayOf(group.FirstSeenUtc) > to)
            return false;
        var text = filter.Text?.Trim();
        return string.IsNullOrEmpty(text)
            || group.Query.Contains(text, StringComparison.OrdinalIgnoreCase)
            || (group.FaqQuestion?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false);
    }
}
