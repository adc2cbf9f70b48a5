using ConversationHub.Core.Handoff;
using ConversationHub.Handoff.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConversationHub.Handoff.Cases;

/// <summary>
/// The handoff module's <see cref="ICallbackOutcomes"/>: writes how a callback ended to the case's history, clears the
/// 発信中 flag when it is still this attempt's, reserves a re-dial after no answer or busy (by the agent who dialled,
/// <see cref="CaseCallbackOptions.RedialAfter"/> later; the agent can move or clear it) and removes the reservation once
/// a callback connects.
/// </summary>
internal sealed partial class CaseCallbackOutcomes(
    HandoffDbContext db, CaseDesk desk, CaseCallbacks callbacks, IOptionsMonitor<CaseCallbackOptions> options, ILogger<CaseCallbackOutcomes> logger) : ICallbackOutcomes
{
    /// <inheritdoc />
    public async Task RecordAsync(CallbackAttemptOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            db.ChangeTracker.Clear();
            var record = await db.Cases.FirstOrDefaultAsync(c => c.Id == outcome.CaseId, cancellationToken);
            if (record is null)
            {
                Log.UnknownCase(logger, outcome.CaseId);
                return;
            }

            // The agent who dialled acts; an outcome after the flag expired (or was taken over) has no known agent.
            var current = record.DialingAttemptId == outcome.AttemptId;
            var agentId = current ? record.DialingById : null;
            var now = outcome.AtUtc;
            db.CaseHistory.Add(new CaseHistoryEntry(record.Id, agentId, "callback_" + Action(outcome.Result), null, null, outcome.Detail, now));
            if (current)
            {
                record.DialingAttemptId = null;
                record.DialingById = null;
                record.DialingSinceUtc = null;
            }

            if (outcome.Result is CallbackResult.NoAnswer or CallbackResult.Busy && (current || record.RedialDueUtc is null))
            {
                callbacks.SetReservation(record, agentId, now + options.CurrentValue.RedialAfter, agentId ?? record.RedialById, record.RedialNote, now);
            }
            else if (outcome.Result == CallbackResult.Connected && current && record.RedialDueUtc is not null)
            {
                callbacks.ClearReservation(record, agentId, now);
            }

            var saved = await desk.SaveAsync(record, cancellationToken);
            if (saved.Succeeded)
            {
                return;
            }
        }

        Log.NotSaved(logger, outcome.CaseId);
    }

    private static string Action(CallbackResult result) => result switch
    {
        CallbackResult.Connected => "connected",
        CallbackResult.NoAnswer => "no_answer",
        CallbackResult.Busy => "busy",
        _ => "failed",
    };

    private static partial class Log
    {
        [LoggerMessage(4311, LogLevel.Warning, "A callback outcome names case {CaseId}, which does not exist.")]
        public static partial void UnknownCase(ILogger logger, Guid caseId);

        [LoggerMessage(4312, LogLevel.Error, "A callback outcome for case {CaseId} could not be saved after repeated conflicts.")]
        public static partial void NotSaved(ILogger logger, Guid caseId);
    }
}
