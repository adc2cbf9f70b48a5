using ConversationHub.Core.Faq;
using ConversationHub.Faq.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Faq.KnowledgeBase.Proposals;

/// <summary>The FAQ module's answer to <see cref="IFaqProposalReport"/>: the proposals of a period, without the citizen's words.</summary>
internal sealed class FaqProposalReport(FaqDbContext db) : IFaqProposalReport
{
    public async Task<IReadOnlyList<FaqProposalSummary>> ProposedAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        var rows = await db.Proposals.AsNoTracking()
            .Where(p => p.CreatedAtUtc >= fromUtc && p.CreatedAtUtc < toUtc)
            .OrderBy(p => p.CreatedAtUtc)
            .Select(p => new { p.Id, p.CreatedAtUtc, p.ProposedQuestion, p.Source, p.Status })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(p => new FaqProposalSummary(
            p.Id, p.CreatedAtUtc, p.ProposedQuestion, p.Source.ToString(), p.Status.ToString()))];
    }
}
