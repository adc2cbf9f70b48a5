using ConversationHub.Core.Events;
using ConversationHub.Faq.KnowledgeBase.Domain;
using ConversationHub.Faq.KnowledgeBase.Editing;
using ConversationHub.Faq.Persistence;
using ConversationHub.Faq.Search.Service;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Faq.KnowledgeBase.Proposals;

/// <summary>
/// Accepts a proposal (採用) into the knowledge base through <see cref="SaveFaq"/>, so the history records who and
/// when: a proposal for a new FAQ becomes a draft; a proposal for an existing FAQ becomes its next revision with the
/// editor's question and answer (its status is left as it is). The proposal and the FAQ change commit together.
/// </summary>
internal sealed class AcceptFaqProposal(FaqDbContext db, SaveFaq saveFaq, IHubEvents events, TimeProvider time)
{
    public async Task<FaqProposalDecision> ExecuteAsync(Guid proposalId, string? question, string? answer, Guid? editorId, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        var decision = await strategy.ExecuteAsync(ct => AcceptInTransactionAsync(proposalId, question, answer, editorId, ct), cancellationToken);
        if (decision.Outcome == FaqProposalDecisionOutcome.Done)
        {
            // SaveFaq announced the change before the commit; announce again so no node re-reads the uncommitted state.
            await events.PublishAsync(FaqSearchTopics.FaqChanged, decision.FaqId.ToString(), cancellationToken);
        }

        return decision;
    }

    private async Task<FaqProposalDecision> AcceptInTransactionAsync(Guid proposalId, string? question, string? answer, Guid? editorId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var proposal = await db.Proposals.FirstOrDefaultAsync(p => p.Id == proposalId, cancellationToken);
        if (proposal is null)
        {
            return FaqProposalDecision.NotFound;
        }

        if (proposal.Status != FaqProposalStatus.New)
        {
            return FaqProposalDecision.AlreadyDecided;
        }

        var edit = await EditForAsync(proposal, question, answer, cancellationToken);
        var note = $"FAQ提案（{proposal.CreatedAtUtc:yyyy-MM-dd}）を採用";
        var result = await saveFaq.ExecuteAsync(proposal.FaqId, edit with { ChangeNote = note }, editorId, cancellationToken);
        switch (result.Outcome)
        {
            case FaqEditOutcome.Saved:
                break;
            case FaqEditOutcome.Invalid:
                return FaqProposalDecision.Invalid(result.Errors);
            default:
                // The FAQ was deleted or changed under us: the editor reloads and decides again.
                return FaqProposalDecision.Invalid(new Dictionary<string, string[]>(StringComparer.Ordinal)
                {
                    ["faqId"] = ["対象のFAQが見つからないか、ほかの職員が更新しました。ページを開き直してください。"],
                });
        }

        proposal.Accept(result.FaqId, result.Revision, editorId, time.GetUtcNow().UtcDateTime);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another editor decided it first; the draft written above is rolled back with the transaction.
            return FaqProposalDecision.AlreadyDecided;
        }

        await transaction.CommitAsync(cancellationToken);
        return FaqProposalDecision.Done(result.FaqId, result.Revision);
    }

    // A new FAQ gets the proposed text only; a change keeps everything else of the FAQ as it is.
    private async Task<FaqEdit> EditForAsync(FaqProposal proposal, string? question, string? answer, CancellationToken cancellationToken)
    {
        question = string.IsNullOrWhiteSpace(question) ? proposal.ProposedQuestion : question;
        answer = string.IsNullOrWhiteSpace(answer) ? proposal.ProposedAnswer : answer;
        if (proposal.FaqId is not { } faqId || await FaqEditing.LoadAsync(db, faqId, cancellationToken) is not { } faq)
        {
            return new FaqEdit(question, [], answer, FaqVisibility.Public, [], [], [], [], null, null, null, null);
        }

        return new FaqEdit(
            question,
            [.. faq.Paraphrases.Select(p => p.Text)],
            answer,
            faq.Visibility,
            [.. faq.Categories.Where(c => c.Kind == FaqCategoryKind.LifeEvent).Select(c => c.Name)],
            [.. faq.Categories.Where(c => c.Kind == FaqCategoryKind.Field).Select(c => c.Name)],
            [.. faq.Categories.Where(c => c.Kind == FaqCategoryKind.Keyword).Select(c => c.Name)],
            [.. faq.Owners.Select(o => o.DepartmentId)],
            faq.PublishFromUtc,
            faq.PublishUntilUtc,
            null,
            await FaqEditing.LatestRevisionAsync(db, faqId, cancellationToken));
    }
}
