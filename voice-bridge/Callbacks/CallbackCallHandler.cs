using ConversationHub.Core.Handoff;
using ConversationHub.VoiceBridge.Acs;
using ConversationHub.VoiceBridge.Acs.Events;
using ConversationHub.VoiceBridge.Acs.Wire;
using ConversationHub.VoiceBridge.Flows;
using ConversationHub.VoiceBridge.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConversationHub.VoiceBridge.Callbacks;

/// <summary>
/// Carries a callback attempt through its ACS events: the citizen answers (CallConnected) → a short line says who
/// calls (play) → the call is transferred to the agent's phone (transferToParticipant) → CallTransferAccepted is the
/// outcome <see cref="CallbackResult.Connected"/>. CreateCallFailed (or a hang-up before the citizen answered) is no
/// answer, busy or failed by its SIP-style result code. The outcome is told to <see cref="ICallbackOutcomes"/> once: by
/// the update that moves the stored attempt to <see cref="OutboundCallbackState.Ended"/> under its version.
/// </summary>
/// <remarks>
/// The citizen is called first and then transferred, rather than calling the agent first and adding the citizen: the
/// agent has just pressed the button at the desk, transfer is the one primitive the inbound path already proves against
/// ACS and the stand-in (to E.164 or an ACS identity alike), and our leg leaves the call once it is put through, so no
/// media of ours stays in it.
/// </remarks>
internal sealed partial class CallbackCallHandler(
    VoiceDbContext db,
    AcsCallAutomationClient calls,
    ICallbackOutcomes outcomes,
    IOptionsMonitor<VoiceOptions> voice,
    IConfiguration configuration,
    TimeProvider time,
    ILogger<CallbackCallHandler> logger)
{
    private const string ContextPrefix = "callback:";
    private const string GreetingStep = "greeting";
    private const string TransferStep = "transfer";

    // The FAQ site's city name (read by name, as the IVR does).
    private string CityName => configuration["FaqSite:CityName"] is { Length: > 0 } city ? city : "若葉台市";

    /// <summary>The operation context of an attempt's create (<paramref name="step"/> null) or of one of its steps.</summary>
    public static string Context(Guid attemptId, string? step = null) =>
        step is null ? ContextPrefix + attemptId.ToString("N") : $"{ContextPrefix}{attemptId:N}:{step}";

    /// <summary>
    /// Handles <paramref name="callEvent"/> when it belongs to a callback (by its operation context, else by its call
    /// connection); false when it does not, so the inbound IVR gets it.
    /// </summary>
    public async Task<bool> TryHandleAsync(AcsCallEvent callEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(callEvent);
        var (attemptId, step) = Parse(callEvent.OperationContext);
        var connectionId = callEvent.CallConnectionId;
        if (attemptId is null && (connectionId is not { Length: > 0 } || !await db.Callbacks.AnyAsync(c => c.CallConnectionId == connectionId, cancellationToken)))
        {
            return false;
        }

        for (var attempt = 0; attempt < 5; attempt++)
        {
            db.ChangeTracker.Clear();
            var callback = attemptId is { } id
                ? await db.Callbacks.FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
                : await db.Callbacks.FirstOrDefaultAsync(c => c.CallConnectionId == connectionId, cancellationToken);
            if (callback is null)
            {
                // Ours by its context, but no attempt stored (another deployment's, or removed): nothing to do.
                Log.Unknown(logger, callEvent.EventId);
                return true;
            }

            try
            {
                await OnEventAsync(callback, callEvent, step, cancellationToken);
                return true;
            }
            catch (DbUpdateConcurrencyException)
            {
                Log.Conflict(logger, callback.Id);
            }
        }

        return true;
    }

    private async Task OnEventAsync(OutboundCallback callback, AcsCallEvent e, string? step, CancellationToken cancellationToken)
    {
        if (callback.State == OutboundCallbackState.Ended)
        {
            return;
        }

        if (callback.CallConnectionId is null && e.CallConnectionId is { Length: > 0 } connectionId)
        {
            callback.CallConnectionId = connectionId;
        }

        var now = time.GetUtcNow();
        switch (e.Kind)
        {
            case AcsCallEventKind.CallConnected when callback.State == OutboundCallbackState.Dialing:
                callback.State = OutboundCallbackState.Greeting;
                callback.ConnectedAtUtc = now.UtcDateTime;
                await SaveAsync(callback, cancellationToken);
                var language = CallLanguage.Of("ja");
                await calls.PlayAsync(callback.CallConnectionId!, new PlayRequest
                {
                    PlaySources = [PlaySource.JapaneseText(CallPrompts.Text(language, "CallbackGreeting", CityName), voice.CurrentValue.Acs.VoiceName)],
                    OperationContext = Context(callback.Id, GreetingStep),
                }, cancellationToken);
                return;
            case AcsCallEventKind.PlayCompleted or AcsCallEventKind.PlayFailed when step == GreetingStep && callback.State == OutboundCallbackState.Greeting:
                // A greeting that could not be played still puts the citizen through.
                callback.State = OutboundCallbackState.Transferring;
                await SaveAsync(callback, cancellationToken);
                await TransferAsync(callback, cancellationToken);
                return;
            case AcsCallEventKind.CallTransferAccepted:
                await EndAsync(callback, CallbackResult.Connected, Describe(e), cancellationToken);
                return;
            case AcsCallEventKind.CallTransferFailed:
                await EndAsync(callback, CallbackResult.Failed, "Transfer to the agent failed. " + Describe(e), cancellationToken);
                await calls.HangUpAsync(callback.CallConnectionId!, cancellationToken);
                return;
            case AcsCallEventKind.CreateCallFailed:
                await EndAsync(callback, ResultOf(e.ResultInformation), Describe(e), cancellationToken);
                return;
            case AcsCallEventKind.CallDisconnected when callback.State != OutboundCallbackState.Transferring:
                // Before the citizen answered: the network's code tells why; after, the citizen hung up before the transfer.
                // While transferring, our leg leaving is the transfer's doing: CallTransferAccepted/Failed decides.
                await EndAsync(callback, callback.ConnectedAtUtc is null ? ResultOf(e.ResultInformation, CallbackResult.NoAnswer) : CallbackResult.Failed,
                    callback.ConnectedAtUtc is null ? Describe(e) : "Disconnected before the transfer. " + Describe(e), cancellationToken);
                return;
            default:
                if (db.Entry(callback).Property(c => c.CallConnectionId).IsModified)
                {
                    await SaveAsync(callback, cancellationToken);
                }

                return;
        }
    }

    private Task<TransferCallResponse?> TransferAsync(OutboundCallback callback, CancellationToken cancellationToken)
    {
        var target = callback.AgentTarget.StartsWith("8:", StringComparison.Ordinal)
            ? CommunicationIdentifierModel.ForCommunicationUser(callback.AgentTarget)
            : CommunicationIdentifierModel.ForPhoneNumber(callback.AgentTarget);
        return calls.TransferToParticipantAsync(callback.CallConnectionId!, new TransferToParticipantRequest
        {
            TargetParticipant = target,
            OperationContext = Context(callback.Id, TransferStep),
            // A PSTN desk phone sees the city line, as the citizen did.
            SourceCallerIdNumber = target.PhoneNumber is null ? null : new PhoneNumberIdentifierModel { Value = callback.LineNumber },
        }, AcsRepeatability.For("callback-transfer:" + callback.Id.ToString("N"), new DateTimeOffset(DateTime.SpecifyKind(callback.ConnectedAtUtc!.Value, DateTimeKind.Utc))), cancellationToken);
    }

    private async Task EndAsync(OutboundCallback callback, CallbackResult result, string? detail, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        callback.State = OutboundCallbackState.Ended;
        callback.Result = result;
        callback.Detail = detail is { Length: > 200 } ? detail[..200] : detail;
        callback.EndedAtUtc = now;
        // The save decides: only the node whose update wins tells the outcome.
        await SaveAsync(callback, cancellationToken);
        Log.Ended(logger, callback.Id, result);
        await outcomes.RecordAsync(new CallbackAttemptOutcome(callback.Id, callback.CaseId, result, now, callback.Detail), cancellationToken);
    }

    private async Task SaveAsync(OutboundCallback callback, CancellationToken cancellationToken)
    {
        callback.Version++;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The outcome of a failed create by its SIP-style code (ACS passes the PSTN's on): 486/600/603 busy or declined,
    /// 408/480/487 nobody answered (timeout, unavailable, ring cancelled); anything else <paramref name="otherwise"/>.
    /// </summary>
    internal static CallbackResult ResultOf(AcsResultInformation? result, CallbackResult otherwise = CallbackResult.Failed) => result?.Code switch
    {
        486 or 600 or 603 => CallbackResult.Busy,
        408 or 480 or 487 => CallbackResult.NoAnswer,
        _ => otherwise,
    };

    private static string? Describe(AcsCallEvent e) =>
        e.ResultInformation is { } r ? $"{r.Code}/{r.SubCode}" : null;

    private static (Guid? AttemptId, string? Step) Parse(string? operationContext)
    {
        if (operationContext is null || !operationContext.StartsWith(ContextPrefix, StringComparison.Ordinal))
        {
            return (null, null);
        }

        var rest = operationContext.AsSpan(ContextPrefix.Length);
        var colon = rest.IndexOf(':');
        var id = colon < 0 ? rest : rest[..colon];
        return Guid.TryParseExact(id, "N", out var attemptId) ? (attemptId, colon < 0 ? null : rest[(colon + 1)..].ToString()) : (null, null);
    }

    private static partial class Log
    {
        [LoggerMessage(5311, LogLevel.Information, "Callback {AttemptId} ended: {Result}.")]
        public static partial void Ended(ILogger logger, Guid attemptId, CallbackResult result);

        [LoggerMessage(5312, LogLevel.Debug, "Callback {AttemptId} was moved by another node first; the event is applied again.")]
        public static partial void Conflict(ILogger logger, Guid attemptId);

        [LoggerMessage(5313, LogLevel.Warning, "Callback event {AcsEventId} names no stored attempt; dropped.")]
        public static partial void Unknown(ILogger logger, string acsEventId);
    }
}
