using ConversationHub.Core.Persistence;
using ConversationHub.Core.Programs;
using ConversationHub.Faq.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Faq.KnowledgeBase.Proposals;

/// <summary>
/// The citizens' own words kept with FAQ proposals made from a program's conversations: cleared with the program's
/// data. The proposal (the editor's question and answer) stays.
/// </summary>
internal sealed class FaqProposalProgramData(HubDbContext hub, FaqDbContext db) : IProgramDataPart
{
    public string Kind => "faq_proposals";

    public Task<long> CountAsync(Guid programId, CancellationToken cancellationToken) =>
        ProgramConversations.SumAsync(hub, programId, ids =>
            db.Proposals.CountAsync(p => p.ConversationId != null && ids.Contains(p.ConversationId.Value) && p.CitizenQuestion != null, cancellationToken), cancellationToken);

    public Task<long> DisposeAsync(Guid programId, CancellationToken cancellationToken) =>
        ProgramConversations.SumAsync(hub, programId, ids =>
            db.Proposals.Where(p => p.ConversationId != null && ids.Contains(p.ConversationId.Value) && p.CitizenQuestion != null)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.CitizenQuestion, (string?)null), cancellationToken), cancellationToken);
}
