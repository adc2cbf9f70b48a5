using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConversationHub.VoiceBridge.Acs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ConversationHub.VoiceBridge.Simulator;

/// <summary>
/// The stand-in's REST surface: Call Automation and SMS on ACS's own paths. They are mapped twice: at the host's root,
/// because the official SDKs refuse an endpoint with a path (the real endpoint has none), and under
/// <see cref="BasePath"/>. Every request must carry a valid HMAC signature and an api-version.
/// </summary>
internal static class AcsStandInApi
{
    public const string BasePath = "/simulator/acs";
    public const string SmsApiVersion = "2021-03-07";

    public static IEndpointRouteBuilder MapAcsStandInApi(this IEndpointRouteBuilder endpoints)
    {
        MapRest(endpoints.MapGroup(string.Empty));
        MapRest(endpoints.MapGroup(BasePath));
        // Public like ACS's own metadata: callers verify the callbacks' tokens with it.
        var wellKnown = endpoints.MapGroup(BasePath + "/.well-known").ExcludeFromDescription().AllowAnonymous();
        wellKnown.MapGet("/acsopenidconfiguration", (HttpContext context, IOptions<AcsSimulatorOptions> options) => Results.Json(new JsonObject
        {
            ["issuer"] = options.Value.TokenIssuer,
            ["jwks_uri"] = $"{context.Request.Scheme}://{context.Request.Host}{BasePath}/.well-known/jwks",
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            ["response_types_supported"] = new JsonArray("id_token"),
            ["subject_types_supported"] = new JsonArray("public"),
        }));
        wellKnown.MapGet("/jwks", (AcsSimulatorKeys keys) =>
            Results.Text(JsonSerializer.Serialize(new { keys = new[] { keys.PublicJwk() } }), "application/json"));
        return endpoints;
    }

    private static void MapRest(RouteGroupBuilder group)
    {
        // No sign-in: every request is authenticated by its HMAC signature (VerifyAsync), as ACS does.
        group.ExcludeFromDescription().AllowAnonymous().AddEndpointFilter(VerifyAsync);
        group.MapPost("/calling/callConnections:answer", Answer);
        group.MapPost("/calling/callConnections:reject", (JsonObject body, AcsStandIn acs) => EndIncoming(body, acs, "reject", "rejected"));
        group.MapPost("/calling/callConnections:redirect", (JsonObject body, AcsStandIn acs) =>
            body["target"] is null ? Missing("target") : EndIncoming(body, acs, "redirect", "redirected"));
        group.MapPost("/calling/callConnections", Create);
        group.MapGet("/calling/callConnections/{id}", (string id, AcsStandIn acs) =>
            acs.FindByConnectionId(id) is { } call ? Results.Json(SimulatorJson.Properties(call)) : CallNotFound());
        group.MapDelete("/calling/callConnections/{id}", (string id, AcsStandIn acs) => End(id, acs, "hangUp"));
        group.MapPost("/calling/callConnections/{action}", Action);
        group.MapPost("/calling/callConnections/{id}/{action}", ParticipantAction);
        group.MapPost("/sms", SendSms);
    }

    /// <summary>ASP.NET Core routes "/{id}:play" as one segment; split it here.</summary>
    private static IResult Action(string action, JsonObject? body, AcsStandIn acs)
    {
        var colon = action.LastIndexOf(':');
        if (colon <= 0)
        {
            return Results.Json(SimulatorJson.Error("NotFound", "Unknown operation."), statusCode: 404);
        }

        var id = action[..colon];
        var verb = action[(colon + 1)..];
        if (verb == "terminate")
        {
            return End(id, acs, "terminate");
        }

        if (acs.FindByConnectionId(id) is not { } call || call.State == "disconnected")
        {
            return CallNotFound();
        }

        body ??= [];
        return verb switch
        {
            "play" => Play(call, body, acs),
            "recognize" => Recognize(call, body, acs),
            "cancelAllMediaOperations" => Accepted(acs, "cancelAllMediaOperations", call, body, () => acs.CancelMedia(call), new JsonObject()),
            "transferToParticipant" => Transfer(call, body, acs),
            _ => Results.Json(SimulatorJson.Error("NotFound", "Unknown operation."), statusCode: 404),
        };
    }

    private static IResult ParticipantAction(string id, string action, JsonObject? body, AcsStandIn acs)
    {
        if (acs.FindByConnectionId(id) is not { } call || call.State == "disconnected")
        {
            return CallNotFound();
        }

        body ??= [];
        var context = (string?)body["operationContext"];
        switch (action)
        {
            case "participants:add":
                if (body["participantToAdd"] is not JsonObject invitee)
                {
                    return Missing("participantToAdd");
                }

                return Accepted(acs, "addParticipant", call, body, () => acs.AddParticipant(call, invitee, context, (string?)body["operationCallbackUri"]),
                    new JsonObject { ["operationContext"] = context, ["invitationId"] = Guid.NewGuid().ToString(), ["participant"] = new JsonObject { ["identifier"] = invitee.DeepClone(), ["isMuted"] = false, ["isOnHold"] = false } });
            case "participants:remove":
                if (body["participantToRemove"] is not JsonObject removed)
                {
                    return Missing("participantToRemove");
                }

                return Accepted(acs, "removeParticipant", call, body, () => acs.RemoveParticipant(call, removed, context, (string?)body["operationCallbackUri"]),
                    new JsonObject { ["operationContext"] = context });
            default:
                return Results.Json(SimulatorJson.Error("NotFound", "Unknown operation."), statusCode: 404);
        }
    }

    private static IResult Answer(JsonObject body, AcsStandIn acs)
    {
        if (Required(body, "incomingCallContext", "callbackUri") is { } missing)
        {
            return missing;
        }

        if (acs.FindRinging((string)body["incomingCallContext"]!) is not { } call)
        {
            return Results.Json(SimulatorJson.Error("8523", "Invalid request: the incoming call context is not valid or has expired."), statusCode: 400);
        }

        acs.Record("answer", call.CallConnectionId, body.ToJsonString());
        acs.Answer(call, (string)body["callbackUri"]!, (string?)body["operationContext"]);
        return Results.Json(SimulatorJson.Properties(call));
    }

    private static IResult EndIncoming(JsonObject body, AcsStandIn acs, string name, string state)
    {
        if (Required(body, "incomingCallContext") is { } missing)
        {
            return missing;
        }

        if (acs.FindRinging((string)body["incomingCallContext"]!) is not { } call)
        {
            return Results.Json(SimulatorJson.Error("8523", "Invalid request: the incoming call context is not valid or has expired."), statusCode: 400);
        }

        acs.Record(name, call.CallConnectionId, body.ToJsonString());
        acs.EndIncoming(call, state);
        return Results.NoContent();
    }

    private static IResult Create(JsonObject body, AcsStandIn acs)
    {
        if (Required(body, "targets", "callbackUri") is { } missing)
        {
            return missing;
        }

        var target = (string?)body["targets"]?[0]?["phoneNumber"]?["value"] ?? (string?)body["targets"]?[0]?["rawId"];
        if (target is null)
        {
            return Missing("targets");
        }

        var source = (string?)body["sourceCallerIdNumber"]?["value"] ?? "+00000000000";
        var call = acs.Create(source, target, (string)body["callbackUri"]!, (string?)body["operationContext"]);
        acs.Record("create", call.CallConnectionId, body.ToJsonString());
        return Results.Json(SimulatorJson.Properties(call), statusCode: 201);
    }

    private static IResult End(string id, AcsStandIn acs, string name)
    {
        if (acs.FindByConnectionId(id) is not { } call)
        {
            return CallNotFound();
        }

        acs.Record(name, id, string.Empty);
        acs.Disconnect(call, null);
        return Results.NoContent();
    }

    private static IResult Play(SimulatedCall call, JsonObject body, AcsStandIn acs)
    {
        if (body["playSources"] is not JsonArray { Count: > 0 } sources)
        {
            return Missing("playSources");
        }

        return Accepted(acs, "play", call, body,
            () => acs.Play(call, sources, (string?)body["operationContext"], (string?)body["operationCallbackUri"]), new JsonObject());
    }

    private static IResult Recognize(SimulatedCall call, JsonObject body, AcsStandIn acs)
    {
        if (Required(body, "recognizeInputType", "recognizeOptions") is { } missing)
        {
            return missing;
        }

        var options = body["recognizeOptions"]!;
        if (options["targetParticipant"] is null)
        {
            return Missing("recognizeOptions.targetParticipant");
        }

        var inputType = (string)body["recognizeInputType"]!;
        if (inputType is not ("dtmf" or "speech" or "speechOrDtmf" or "choices"))
        {
            return Results.Json(SimulatorJson.Error("BadRequest", "Invalid recognizeInputType."), statusCode: 400);
        }

        if (inputType == "choices" && options["choices"] is not JsonArray { Count: > 0 })
        {
            return Missing("recognizeOptions.choices");
        }

        var prompts = new JsonArray();
        if (body["playPrompt"] is JsonObject prompt)
        {
            prompts.Add(prompt.DeepClone());
        }

        foreach (var each in body["playPrompts"] as JsonArray ?? [])
        {
            prompts.Add(each?.DeepClone());
        }

        var dtmf = options["dtmfOptions"];
        var pending = new PendingRecognize
        {
            InputType = inputType,
            OperationContext = (string?)body["operationContext"],
            OperationCallbackUri = (string?)body["operationCallbackUri"],
            MaxTones = (int?)dtmf?["maxTonesToCollect"] ?? 1,
            StopTones = [.. (dtmf?["stopTones"] as JsonArray ?? []).Select(t => (string?)t ?? string.Empty)],
            Choices = options["choices"]?.DeepClone() as JsonArray,
        };
        // ACS's documented defaults: 5 s of initial silence, 2 s between tones.
        var initial = TimeSpan.FromSeconds((double?)options["initialSilenceTimeoutInSeconds"] ?? 5);
        var interTone = TimeSpan.FromSeconds((double?)dtmf?["interToneTimeoutInSeconds"] ?? 2);
        return Accepted(acs, "recognize", call, body, () => acs.StartRecognize(call, pending, prompts, initial, interTone), new JsonObject());
    }

    private static IResult Transfer(SimulatedCall call, JsonObject body, AcsStandIn acs)
    {
        if (body["targetParticipant"] is not JsonObject target)
        {
            return Missing("targetParticipant");
        }

        var context = (string?)body["operationContext"];
        return Accepted(acs, "transferToParticipant", call, body,
            () => acs.Transfer(call, target, context, (string?)body["operationCallbackUri"]), new JsonObject { ["operationContext"] = context });
    }

    private static IResult Accepted(AcsStandIn acs, string name, SimulatedCall call, JsonObject body, Action run, JsonObject response)
    {
        acs.Record(name, call.CallConnectionId, body.ToJsonString());
        run();
        return Results.Json(response, statusCode: 202);
    }

    private static IResult SendSms(JsonObject body, AcsStandIn acs, TimeProvider time)
    {
        if (Required(body, "from", "smsRecipients", "message") is { } missing)
        {
            return missing;
        }

        if (body["smsRecipients"] is not JsonArray { Count: > 0 and <= 100 } recipients)
        {
            return Results.Json(SimulatorJson.Error("BadRequest", "smsRecipients must hold 1 to 100 recipients."), statusCode: 400);
        }

        var message = (string)body["message"]!;
        if (message.Length > 2048)
        {
            return Results.Json(SimulatorJson.Error("BadRequest", "The message is longer than 2048 characters."), statusCode: 400);
        }

        acs.Record("sms", null, body.ToJsonString());
        var results = new JsonArray();
        foreach (var recipient in recipients.OfType<JsonObject>())
        {
            var to = (string?)recipient["to"] ?? string.Empty;
            var repeatId = (string?)recipient["repeatabilityRequestId"];
            if (repeatId is not null && acs.Repeated.TryGetValue("sms:" + repeatId, out var first))
            {
                var again = JsonNode.Parse(first.Body!)!.AsObject();
                again["repeatabilityResult"] = "accepted";
                results.Add(again);
                continue;
            }

            JsonObject result;
            if (to.Length < 8 || to[0] != '+' || !to[1..].All(char.IsAsciiDigit))
            {
                result = new JsonObject { ["to"] = to, ["httpStatusCode"] = 400, ["successful"] = false, ["errorMessage"] = "Invalid To phone number format." };
            }
            else
            {
                var id = "Outgoing_" + time.GetUtcNow().ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + Guid.NewGuid().ToString("N")[..12] + "_noam";
                acs.RecordSms(new SentSms(id, (string)body["from"]!, to, message, time.GetUtcNow()));
                result = new JsonObject { ["to"] = to, ["messageId"] = id, ["httpStatusCode"] = 202, ["successful"] = true };
            }

            if (repeatId is not null)
            {
                result["repeatabilityResult"] = "accepted";
                acs.Repeated.TryAdd("sms:" + repeatId, (202, result.ToJsonString()));
            }

            results.Add(result);
        }

        return Results.Json(new JsonObject { ["value"] = results }, statusCode: 202);
    }

    /// <summary>
    /// HMAC check (spec §1), api-version, then Repeatability-Request-ID: a repeated id answers the first result without
    /// running the operation again.
    /// </summary>
    private static async ValueTask<object?> VerifyAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var request = http.Request;
        // AcsStandInBuffering made the body seekable before binding read it.
        request.Body.Position = 0;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, http.RequestAborted);
        request.Body.Position = 0;
        var keys = http.RequestServices.GetRequiredService<AcsSimulatorKeys>();
        if (!SignatureValid(request, buffer.ToArray(), keys.AccessKey))
        {
            return Results.Json(SimulatorJson.Error("Denied", "Denied by the authentication: the HMAC signature is missing or invalid."), statusCode: 401);
        }

        var version = request.Query["api-version"].ToString();
        var options = http.RequestServices.GetRequiredService<IOptions<AcsSimulatorOptions>>().Value;
        var isSms = request.Path.Value?.EndsWith("/sms", StringComparison.Ordinal) == true;
        if (version.Length == 0 || (isSms ? version != SmsApiVersion : !options.CallAutomationApiVersions.Contains(version, StringComparer.Ordinal)))
        {
            return Results.Json(SimulatorJson.Error("UnsupportedApiVersion",
                version.Length == 0 ? "The api-version query parameter is required." : $"The api-version '{version}' is not supported."), statusCode: 400);
        }

        var repeatId = request.Headers["Repeatability-Request-ID"].ToString();
        if (repeatId.Length == 0)
        {
            return await next(context);
        }

        var repeated = http.RequestServices.GetRequiredService<AcsStandIn>().Repeated;
        if (repeated.TryGetValue(repeatId, out var first))
        {
            http.Response.Headers["Repeatability-Result"] = "accepted";
            return first.Body is null ? Results.StatusCode(first.Status) : Results.Text(first.Body, "application/json", Encoding.UTF8, first.Status);
        }

        var result = await next(context);
        if (result is IStatusCodeHttpResult { StatusCode: >= 200 and < 300 } status)
        {
            var body = result is IValueHttpResult { Value: JsonNode node } ? node.ToJsonString() : null;
            repeated.TryAdd(repeatId, (status.StatusCode.Value, body));
            http.Response.Headers["Repeatability-Result"] = "accepted";
        }

        return result;
    }

    private static bool SignatureValid(HttpRequest request, byte[] body, string accessKey)
    {
        var authorization = request.Headers.Authorization.ToString();
        const string prefix = "HMAC-SHA256 SignedHeaders=" + AcsHmac.SignedHeaders + "&Signature=";
        var date = request.Headers["x-ms-date"].ToString();
        var hash = request.Headers["x-ms-content-sha256"].ToString();
        if (!authorization.StartsWith(prefix, StringComparison.Ordinal) || date.Length == 0 || hash != AcsHmac.ContentHash(body))
        {
            return false;
        }

        // A stale date would be refused by ACS; allow 15 minutes of skew either way.
        if (!DateTimeOffset.TryParseExact(date, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var sent) ||
            (DateTimeOffset.UtcNow - sent).Duration() > TimeSpan.FromMinutes(15))
        {
            return false;
        }

        var expected = AcsHmac.Signature(accessKey, request.Method, request.Path.ToUriComponent() + request.QueryString.ToUriComponent(),
            request.Host.ToUriComponent(), date, hash);
        return AcsHmac.SameSignature(expected, authorization[prefix.Length..]);
    }

    private static IResult? Required(JsonObject body, params string[] names) =>
        names.FirstOrDefault(n => body[n] is null) is { } missing ? Missing(missing) : null;

    private static IResult Missing(string name) =>
        Results.Json(SimulatorJson.Error("BadRequest", $"The {name} field is required."), statusCode: 400);

    private static IResult CallNotFound() =>
        Results.Json(SimulatorJson.Error("8522", "Call not found or already ended."), statusCode: 404);
}
