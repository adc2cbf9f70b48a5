using ConversationHub.Faq.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Faq.KnowledgeBase.Proposals;

/// <summary>Rejects a proposal (却下) with the editor's reason, recording who decided and when.</summary>
internal sealed class RejectFaqProposal(FaqDbContext db, TimeProvider time)
{
    public const int MaxReason = 1000;

    public async Task<FaqProposalDecision> ExecuteAsync(Guid proposalId, string? reason, Guid? editorId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > MaxReason)
        {
            return FaqProposalDecision.Invalid(new Dictionary<string, string[]>(StringComparer.Ordinal)
            {
                ["reason"] = [$"却下の理由を1〜{MaxReason}文字で入力してください。"],
            });
        }

        var proposal = await db.Proposals.FirstOrDefaultAsync(p => p.Id == proposalId, cancellationToken);
        if (proposal is null)
        {
            return FaqProposalDecision.NotFound;
        }

        if (proposal.Status != FaqProposalStatus.New)
        {
            return FaqProposalDecision.AlreadyDecided;
        }

        proposal.Reject(reason, editorId, time.GetUtcNow().UtcDateTime);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return FaqProposalDecision.AlreadyDecided;
        }

        return FaqProposalDecision.Done(proposal.FaqId ?? Guid.Empty);
    }
}
