using ConversationHub.Handoff.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Handoff.Cases;

/// <summary>
/// 受電 → 案件: when an agent answers a call, the call becomes a case at once (channel 電話, the agent as its author and
/// the bot's transcript as its first entry), so the agent can write while talking. One case per call: an accept seen
/// twice finds the first.
/// </summary>
internal sealed class CallCases(HandoffDbContext db, CaseDesk desk)
{
    public async Task<CaseRecord?> OpenAsync(Guid agentId, Guid conversationId, CancellationToken cancellationToken)
    {
        var existing = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.ConversationId == conversationId, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var agent = new CaseActor(agentId, null, IsOperator: true, IsSupervisor: false, IsApprover: false, IsDepartmentStaff: false);
        var outcome = await desk.CreateFromChatAsync(agent, conversationId, new CaseInput(), cancellationToken);
        return outcome.Case;
    }
}
