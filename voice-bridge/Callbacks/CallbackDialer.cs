using ConversationHub.Core.Handoff;
using ConversationHub.Core.Security;
using ConversationHub.VoiceBridge.Acs;
using ConversationHub.VoiceBridge.Acs.Wire;
using ConversationHub.VoiceBridge.Calls;
using ConversationHub.VoiceBridge.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConversationHub.VoiceBridge.Callbacks;

/// <summary>
/// The voice module's <see cref="ICallbackDialer"/>: stores the attempt, then asks ACS to call the citizen
/// (<c>CreateCall</c>) from the city line, with a repeatability pair derived from the attempt id and its first time, so a
/// retry (ours, the HTTP pipeline's, or the handoff's after a crash) is the same operation to ACS and never a second call.
/// What happens next is <see cref="CallbackCallHandler"/>'s.
/// </summary>
internal sealed partial class CallbackDialer(
    VoiceDbContext db,
    AcsCallAutomationClient calls,
    IPiiProtector pii,
    PhoneLines lines,
    IOptionsMonitor<VoiceOptions> voice,
    IOptionsMonitor<CallbackOptions> options,
    TimeProvider time,
    ILogger<CallbackDialer> logger) : ICallbackDialer
{
    internal const string CitizenPurpose = "voice.CallbackNumber";

    /// <inheritdoc />
    public bool IsAvailable
    {
        get
        {
            var acs = voice.CurrentValue.Acs;
            return acs.Endpoint is not null && acs.CallbackBaseUrl is not null && !string.IsNullOrEmpty(acs.CallbackSecret) && !string.IsNullOrEmpty(acs.AccessKey);
        }
    }

    /// <inheritdoc />
    public async Task<CallbackDialResult> DialAsync(CallbackDialRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!IsAvailable)
        {
            return new CallbackDialResult(CallbackDialStatus.PhoneOff);
        }

        var lineNumber = request.LineNumber ?? options.CurrentValue.LineNumber;
        if (lines.Find(lineNumber) is null)
        {
            Log.NoLine(logger, request.AttemptId);
            return new CallbackDialResult(CallbackDialStatus.Failed, "The callback line is not a city line (Voice:Callbacks:LineNumber).");
        }

        var attempt = await db.Callbacks.AsNoTracking().FirstOrDefaultAsync(c => c.Id == request.AttemptId, cancellationToken);
        if (attempt is null)
        {
            attempt = new OutboundCallback
            {
                Id = request.AttemptId,
                CaseId = request.CaseId,
                CitizenEncrypted = pii.Protect(request.CitizenNumber, CitizenPurpose),
                AgentTarget = request.AgentPhoneTarget,
                LineNumber = lineNumber,
                State = OutboundCallbackState.Dialing,
                CreatedAtUtc = time.GetUtcNow().UtcDateTime,
            };
            db.Callbacks.Add(attempt);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // The same attempt, asked twice at once: the other request stored it first.
                db.ChangeTracker.Clear();
                attempt = await db.Callbacks.AsNoTracking().FirstAsync(c => c.Id == request.AttemptId, cancellationToken);
            }
        }
        else if (attempt.State == OutboundCallbackState.Ended)
        {
            // Asked again after it ended: answer how it went, dial nothing.
            return attempt is { Result: CallbackResult.Failed, CallConnectionId: null }
                ? new CallbackDialResult(CallbackDialStatus.Failed, attempt.Detail)
                : new CallbackDialResult(CallbackDialStatus.Dialing);
        }

        var firstSent = new DateTimeOffset(DateTime.SpecifyKind(attempt.CreatedAtUtc, DateTimeKind.Utc));
        try
        {
            var created = await calls.CreateCallAsync(new CreateCallRequest
            {
                Targets = [CommunicationIdentifierModel.ForPhoneNumber(pii.Unprotect(attempt.CitizenEncrypted, CitizenPurpose))],
                CallbackUri = voice.CurrentValue.Acs.CallbackUri().AbsoluteUri,
                SourceCallerIdNumber = new PhoneNumberIdentifierModel { Value = attempt.LineNumber },
                OperationContext = CallbackCallHandler.Context(attempt.Id),
            }, AcsRepeatability.For("callback:" + attempt.Id.ToString("N"), firstSent), cancellationToken);
            if (created?.CallConnectionId is { Length: > 0 } connectionId)
            {
                // Only when no event has told it already; no version bump, so it never conflicts with the event handler.
                await db.Callbacks.Where(c => c.Id == attempt.Id && c.CallConnectionId == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.CallConnectionId, connectionId), cancellationToken);
            }

            Log.Dialing(logger, attempt.Id, created?.CallConnectionId);
            return new CallbackDialResult(CallbackDialStatus.Dialing);
        }
        catch (Exception exception) when (exception is AcsRequestException or HttpRequestException or TimeoutException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var detail = exception is AcsRequestException acs ? $"CreateCall refused: {(int)acs.StatusCode} {acs.Code}" : "CreateCall did not reach ACS.";
            detail = detail.Length > 200 ? detail[..200] : detail;
            var now = time.GetUtcNow().UtcDateTime;
            await db.Callbacks.Where(c => c.Id == attempt.Id && c.State == OutboundCallbackState.Dialing && c.CallConnectionId == null)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(c => c.State, OutboundCallbackState.Ended)
                    .SetProperty(c => c.Result, CallbackResult.Failed)
                    .SetProperty(c => c.Detail, detail)
                    .SetProperty(c => c.EndedAtUtc, now)
                    .SetProperty(c => c.Version, c => c.Version + 1), cancellationToken);
            Log.CreateFailed(logger, attempt.Id, exception);
            return new CallbackDialResult(CallbackDialStatus.Failed, detail);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(5301, LogLevel.Information, "Callback {AttemptId} is dialling (call connection {CallConnectionId}).")]
        public static partial void Dialing(ILogger logger, Guid attemptId, string? callConnectionId);

        [LoggerMessage(5302, LogLevel.Warning, "Callback {AttemptId} could not be placed.")]
        public static partial void CreateFailed(ILogger logger, Guid attemptId, Exception exception);

        [LoggerMessage(5303, LogLevel.Warning, "Callback {AttemptId}: the configured callback line is not a city line.")]
        public static partial void NoLine(ILogger logger, Guid attemptId);
    }
}
