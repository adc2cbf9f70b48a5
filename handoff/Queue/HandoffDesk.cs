using ConversationHub.Core.Calendar;
using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Handoff;
using ConversationHub.Handoff.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ConversationHub.Handoff.Queue;

/// <summary>
/// The queue's answers to the bot: a person is offered only inside the business calendar's hours, with at least one
/// agent signed in, and while the queue is shorter than <see cref="HandoffOptions.MaxQueueLength"/>.
/// </summary>
internal sealed class HandoffDesk(QueueBoard board, HandoffDbContext db, IBusinessCalendar calendar, IOptionsMonitor<HandoffOptions> options) : IHandoffDesk
{
    public Task<string?> GetAgentPhoneAsync(Guid agentId, CancellationToken cancellationToken) =>
        db.Agents.AsNoTracking().Where(a => a.AgentId == agentId).Select(a => a.PhoneTarget).FirstOrDefaultAsync(cancellationToken);

    public async Task<HandoffCheck> CheckAsync(ConversationChannel channel, string? category, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!calendar.IsOpen(now))
        {
            return new HandoffCheck(HandoffAvailability.Closed, 0, null);
        }

        var waiting = await board.WaitingCountAsync(cancellationToken);
        // A call needs an agent with a phone to connect it to.
        var (signedIn, capacity) = await board.StaffingAsync(cancellationToken, callsOnly: channel == ConversationChannel.Voice);
        if (signedIn == 0)
        {
            return new HandoffCheck(HandoffAvailability.NoAgents, waiting, null);
        }

        if (waiting >= options.CurrentValue.MaxQueueLength)
        {
            return new HandoffCheck(HandoffAvailability.Congested, waiting, null);
        }

        var estimate = QueueBoard.EstimateWait(waiting + 1, capacity, await board.AverageHandlingAsync(cancellationToken));
        return new HandoffCheck(HandoffAvailability.Available, waiting, estimate);
    }

    public async Task<QueueStanding?> GetStandingAsync(Guid conversationId, CancellationToken cancellationToken)
    {
        var waiting = await board.WaitingAsync(cancellationToken);
        var index = waiting.FindIndex(r => r.ConversationId == conversationId);
        if (index < 0)
        {
            return null;
        }

        var (_, capacity) = await board.StaffingAsync(cancellationToken);
        return new QueueStanding(index + 1, QueueBoard.EstimateWait(index + 1, capacity, await board.AverageHandlingAsync(cancellationToken)));
    }
}
