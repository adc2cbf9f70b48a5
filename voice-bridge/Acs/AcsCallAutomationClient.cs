using ConversationHub.VoiceBridge.Acs.Wire;
using Microsoft.Extensions.Options;

namespace ConversationHub.VoiceBridge.Acs;

/// <summary>
/// ACS Call Automation REST (shared/specs/acs-call-automation.md §3), signed with the access key. Operations the REST
/// specification lets repeat safely (answer, reject, create, transfer, terminate) take an <see cref="AcsRepeatability"/>
/// and are retried on transient failures; play, recognize and cancel have no idempotency headers in the specification
/// and are never retried here, so a prompt is never played twice by us.
/// </summary>
public sealed class AcsCallAutomationClient
{
    private readonly HttpClient _http;
    private readonly IOptionsMonitor<VoiceOptions> _options;

    /// <summary>Created by the HTTP client factory.</summary>
    public AcsCallAutomationClient(HttpClient http, IOptionsMonitor<VoiceOptions> options)
    {
        _http = http;
        _options = options;
    }

    private string Version => "?api-version=" + Uri.EscapeDataString(_options.CurrentValue.Acs.ApiVersion);

    /// <summary>Answers an incoming call; its events go to <see cref="AnswerCallRequest.CallbackUri"/>.</summary>
    public Task<CallConnectionProperties?> AnswerAsync(AnswerCallRequest request, AcsRepeatability repeatability, CancellationToken cancellationToken) =>
        AcsRestSender.SendAsync<CallConnectionProperties>(_http, AcsRestSender.Create(HttpMethod.Post, "/calling/callConnections:answer" + Version, Checked(request), repeatability), cancellationToken);

    /// <summary>Rejects an incoming call.</summary>
    public Task RejectAsync(RejectCallRequest request, AcsRepeatability repeatability, CancellationToken cancellationToken) =>
        AcsRestSender.SendAsync<object>(_http, AcsRestSender.Create(HttpMethod.Post, "/calling/callConnections:reject" + Version, Checked(request), repeatability), cancellationToken);

    /// <summary>Places an outbound call.</summary>
    public Task<CallConnectionProperties?> CreateCallAsync(CreateCallRequest request, AcsRepeatability repeatability, CancellationToken cancellationToken) =>
        AcsRestSender.SendAsync<CallConnectionProperties>(_http, AcsRestSender.Create(HttpMethod.Post, "/calling/callConnections" + Version, Checked(request), repeatability), cancellationToken);

    /// <summary>Plays audio; the outcome arrives as PlayCompleted, PlayFailed or PlayCanceled. Not retried.</summary>
    public Task PlayAsync(string callConnectionId, PlayRequest request, CancellationToken cancellationToken) =>
        AcsRestSender.SendAsync<object>(_http, AcsRestSender.Create(HttpMethod.Post, Connection(callConnectionId, ":play"), Checked(request), null), cancellationToken);

    /// <summary>Listens for DTMF, speech or a choice; the outcome arrives as RecognizeCompleted, RecognizeFailed or RecognizeCanceled. Not retried.</summary>
    public Task RecognizeAsync(string callConnectionId, RecognizeRequest request, CancellationToken cancellationToken) =>
        AcsRestSender.SendAsync<object>(_http, AcsRestSender.Create(HttpMethod.Post, Connection(callConnectionId, ":recognize"), Checked(request), null), cancellationToken);

    /// <summary>Stops every queued and running play and recognize of the call. Not retried.</summary>
    public Task CancelAllMediaOperationsAsync(string callConnectionId, CancellationToken cancellationToken) =>
        AcsRestSender.SendAsync<object>(_http, AcsRestSender.Create<object>(HttpMethod.Post, Connection(callConnectionId, ":cancelAllMediaOperations"), null, null), cancellationToken);

    /// <summary>Transfers the call to a phone number or ACS user; the outcome arrives as CallTransferAccepted or CallTransferFailed.</summary>
    public Task<TransferCallResponse?> TransferToParticipantAsync(string callConnectionId, TransferToParticipantRequest request, AcsRepeatability repeatability, CancellationToken cancellationToken) =>
        AcsRestSender.SendAsync<TransferCallResponse>(_http, AcsRestSender.Create(HttpMethod.Post, Connection(callConnectionId, ":transferToParticipant"), Checked(request), repeatability), cancellationToken);

    /// <summary>
    /// Invites a phone or ACS user into the call (the app stays in it, so it can later move the call on); the outcome
    /// arrives as AddParticipantSucceeded or AddParticipantFailed.
    /// </summary>
    public Task<AddParticipantResponse?> AddParticipantAsync(string callConnectionId, AddParticipantRequest request, AcsRepeatability repeatability, CancellationToken cancellationToken) =>
        AcsRestSender.SendAsync<AddParticipantResponse>(_http, AcsRestSender.Create(HttpMethod.Post, Connection(callConnectionId, "/participants:add"), Checked(request), repeatability), cancellationToken);

    /// <summary>Removes a participant; the outcome arrives as RemoveParticipantSucceeded or RemoveParticipantFailed. Not retried.</summary>
    public Task RemoveParticipantAsync(string callConnectionId, RemoveParticipantRequest request, CancellationToken cancellationToken) =>
        AcsRestSender.SendAsync<object>(_http, AcsRestSender.Create(HttpMethod.Post, Connection(callConnectionId, "/participants:remove"), Checked(request), null), cancellationToken);

    /// <summary>
    /// Leaves the call (DELETE); the call goes on if two or more others remain. Idempotent, so retried; a call that is
    /// already gone (404, e.g. a retry after a lost answer, or the caller hung up first) counts as done.
    /// </summary>
    public async Task HangUpAsync(string callConnectionId, CancellationToken cancellationToken)
    {
        try
        {
            await AcsRestSender.SendAsync<object>(_http, AcsRestSender.Create<object>(HttpMethod.Delete, Connection(callConnectionId, string.Empty), null, null), cancellationToken);
        }
        catch (AcsRequestException exception) when (exception.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            // Already gone: the goal of a hang-up.
        }
    }

    /// <summary>Ends the call for everyone.</summary>
    public Task TerminateAsync(string callConnectionId, AcsRepeatability repeatability, CancellationToken cancellationToken) =>
        AcsRestSender.SendAsync<object>(_http, AcsRestSender.Create<object>(HttpMethod.Post, Connection(callConnectionId, ":terminate"), null, repeatability), cancellationToken);

    private static T Checked<T>(T request)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        return request;
    }

    private string Connection(string callConnectionId, string action)
    {
        ArgumentException.ThrowIfNullOrEmpty(callConnectionId);
        return "/calling/callConnections/" + Uri.EscapeDataString(callConnectionId) + action + Version;
    }
}
