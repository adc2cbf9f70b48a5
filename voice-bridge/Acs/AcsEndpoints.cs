using System.Text.Json.Serialization;
using ConversationHub.VoiceBridge.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace ConversationHub.VoiceBridge.Acs;

/// <summary>
/// ACS's two webhooks. Both are <c>AllowAnonymous</c> to ASP.NET Core's authorization because the caller is Azure, not
/// a signed-in user: Event Grid proves itself by the subscription handshake, callbacks by their JWT and secret path
/// segment. Each records the event ids (dedupe across nodes), acknowledges at once and leaves the work to
/// <see cref="VoiceWorkDispatcher"/>.
/// </summary>
internal static partial class AcsEndpoints
{
    public const string EventsPath = "/api/voice/events";
    public const string CallbacksPath = "/api/voice/callbacks/{secret}";

    public static IEndpointRouteBuilder MapAcsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(string.Empty).AllowAnonymous().WithTags("Voice");
        group.MapPost(EventsPath, ReceiveEventsAsync).WithName("VoiceEvents");
        group.MapMethods(EventsPath, [HttpMethods.Options], ValidateCloudEventsWebhook).WithName("VoiceEventsHandshake");
        group.MapPost(CallbacksPath, ReceiveCallbacksAsync).WithName("VoiceCallbacks");
        return endpoints;
    }

    /// <summary>Event Grid's POST: the validation handshake (Event Grid schema) or IncomingCall notifications.</summary>
    public static async Task<Results<Ok<SubscriptionValidationResponse>, Ok, BadRequest>> ReceiveEventsAsync(
        HttpRequest request, VoiceEventLedger ledger, VoiceWorkQueue queue, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var body = await BinaryData.FromStreamAsync(request.Body, cancellationToken);
        AcsEventGridMessage message;
        try
        {
            message = AcsEventGridReader.Read(body, request.Headers["aeg-event-type"]);
        }
        catch (FormatException)
        {
            return TypedResults.BadRequest();
        }

        if (message.ValidationCode is { } code)
        {
            return TypedResults.Ok(new SubscriptionValidationResponse(code));
        }

        var logger = loggers.CreateLogger(typeof(AcsEndpoints));
        foreach (var call in message.IncomingCalls)
        {
            if (await ledger.TryRecordAsync(VoiceEventLedger.EventGrid, call.EventId, AcsEventGridReader.IncomingCallType, VoiceEventJson.Write(call), cancellationToken))
            {
                queue.Enqueue(call);
            }
            else
            {
                Log.Redelivered(logger, call.EventId);
            }
        }

        return TypedResults.Ok();
    }

    /// <summary>The CloudEvents 1.0 abuse-protection handshake: allow the origin that asks.</summary>
    public static Ok ValidateCloudEventsWebhook(HttpRequest request, HttpResponse response)
    {
        response.Headers["WebHook-Allowed-Origin"] = AcsEventGridReader.ReadHandshake(request.Headers["WebHook-Request-Origin"]).AllowedOrigin;
        return TypedResults.Ok();
    }

    /// <summary>Call Automation's POST: a CloudEvents array for one call.</summary>
    public static async Task<Results<Ok, UnauthorizedHttpResult, BadRequest>> ReceiveCallbacksAsync(
        string secret, HttpRequest request, AcsCallbackAuthenticator authenticator, VoiceEventLedger ledger, VoiceWorkQueue queue, ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        if (!await authenticator.IsAuthenticAsync(secret, request.Headers.Authorization, cancellationToken))
        {
            return TypedResults.Unauthorized();
        }

        var body = await BinaryData.FromStreamAsync(request.Body, cancellationToken);
        IReadOnlyList<Events.AcsCallEvent> events;
        try
        {
            events = AcsCallbackReader.Read(body);
        }
        catch (FormatException)
        {
            return TypedResults.BadRequest();
        }

        var logger = loggers.CreateLogger(typeof(AcsEndpoints));
        foreach (var callEvent in events)
        {
            if (await ledger.TryRecordAsync(VoiceEventLedger.Callback, callEvent.EventId, callEvent.Type, VoiceEventJson.Write(callEvent), cancellationToken))
            {
                queue.Enqueue(callEvent);
            }
            else
            {
                Log.Redelivered(logger, callEvent.EventId);
            }
        }

        return TypedResults.Ok();
    }

    /// <summary>The synchronous answer to Event Grid's subscription validation.</summary>
    internal sealed record SubscriptionValidationResponse([property: JsonPropertyName("validationResponse")] string ValidationResponse);

    private static partial class Log
    {
        [LoggerMessage(5001, LogLevel.Debug, "Event {AcsEventId} was delivered again; dropped.")]
        public static partial void Redelivered(ILogger logger, string acsEventId);
    }
}
