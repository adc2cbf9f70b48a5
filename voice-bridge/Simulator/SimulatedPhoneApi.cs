using System.Xml;
using System.Xml.Linq;
using ConversationHub.Core.Identity;
using ConversationHub.VoiceBridge.Calls;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ConversationHub.VoiceBridge.Simulator;

/// <summary>
/// The driver's JSON API (staff only): what the phone page (<c>/console/phone</c>, in the handoff module, which knows this
/// API only by its address) and tests use to act as a caller. The API exists only on the simulator: with ACS its 404 is how
/// the page knows.
/// </summary>
internal static class SimulatedPhoneApi
{
    public static IEndpointRouteBuilder MapSimulatedPhoneApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/voice/simulator").WithTags("Voice simulator")
            .RequireAuthorization(policy => policy.RequireRole(HubRoles.Operator, HubRoles.Supervisor, HubRoles.Administrator));
        group.MapGet("/lines", GetLines).WithName("SimulatorLines");
        group.MapPost("/calls", PlaceCall).WithName("SimulatorPlaceCall");
        group.MapGet("/calls/{id}", GetCall).WithName("SimulatorGetCall");
        group.MapPost("/calls/{id}/dtmf", PressKeys).WithName("SimulatorPressKeys");
        group.MapPost("/calls/{id}/speech", Say).WithName("SimulatorSay");
        group.MapPost("/calls/{id}/hangup", HangUp).WithName("SimulatorHangUp");
        group.MapGet("/calls/{id}/prompts", GetPromptsAsync).WithName("SimulatorPrompts");
        group.MapGet("/calls/{id}/sms", GetCallSms).WithName("SimulatorCallSms");
        group.MapGet("/sms", (AcsStandIn acs) => TypedResults.Ok(acs.Sms.Select(View)))
            .WithName("SimulatorSms");
        // Outbound calls (callbacks from the cases) ringing at a citizen's number: answer or decline them.
        group.MapGet("/ringing", (string? to, SimulatedPhone phone) => TypedResults.Ok(to is { Length: > 0 } ? phone.RingingAt(to).Select(View).ToList() : new List<CallView>()))
            .WithName("SimulatorRinging");
        group.MapPost("/calls/{id}/answer", (string id, SimulatedPhone phone) => Outbound(id, phone, call => phone.Answer(call))).WithName("SimulatorAnswer");
        group.MapPost("/calls/{id}/decline", (string id, DeclineRequest request, SimulatedPhone phone) => Outbound(id, phone, call => phone.Decline(call, request.Busy ?? false)))
            .WithName("SimulatorDecline");
        return endpoints;
    }

    /// <summary>The numbers a caller can dial here: those the stand-in rings that are lines of the city, and the caller's default number.</summary>
    private static Ok<LinesView> GetLines(SimulatedPhone phone, PhoneLines lines)
    {
        var dialable = phone.CityNumbers.Select(lines.Find).OfType<Flows.PhoneLine>().Select(l => new LineView(l.Number, l.Name));
        return TypedResults.Ok(new LinesView(SimulatedPhone.DefaultCallerNumber, [.. dialable]));
    }

    private static Results<Created<CallView>, ValidationProblem> PlaceCall(PlaceCallRequest request, SimulatedPhone phone)
    {
        if (string.IsNullOrWhiteSpace(request.To))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["to"] = ["to is required."] });
        }

        var from = string.IsNullOrWhiteSpace(request.From) ? SimulatedPhone.DefaultCallerNumber : request.From.Trim();
        if (phone.PlaceCall(from, request.To.Trim()) is not { } call)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["to"] = ["Not a number of the city."] });
        }

        return TypedResults.Created($"/api/voice/simulator/calls/{call.Id}", View(call));
    }

    private static Results<Ok<CallView>, NotFound> GetCall(string id, SimulatedPhone phone) =>
        phone.Find(id) is { } call ? TypedResults.Ok(View(call)) : TypedResults.NotFound();

    private static Results<Ok<IEnumerable<SmsView>>, NotFound> GetCallSms(string id, SimulatedPhone phone) =>
        phone.Find(id) is { } call ? TypedResults.Ok(phone.SmsOf(call).Select(View)) : TypedResults.NotFound();

    private static Results<NoContent, NotFound, ValidationProblem> PressKeys(string id, KeysRequest request, SimulatedPhone phone)
    {
        if (phone.Find(id) is not { } call)
        {
            return TypedResults.NotFound();
        }

        return phone.PressKeys(call, request.Keys ?? string.Empty) ? TypedResults.NoContent()
            : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["keys"] = ["Keys are 0-9, *, # and A-D."] });
    }

    /// <summary>The caller speaks; 409 when nothing listens for speech now (the words would be lost).</summary>
    private static Results<NoContent, NotFound, ProblemHttpResult> Say(string id, SpeechRequest request, SimulatedPhone phone)
    {
        if (phone.Find(id) is not { } call)
        {
            return TypedResults.NotFound();
        }

        return phone.Say(call, request.Text ?? string.Empty) ? TypedResults.NoContent()
            : TypedResults.Problem("The call is not listening for speech now.", statusCode: StatusCodes.Status409Conflict);
    }

    private static Results<NoContent, NotFound> HangUp(string id, SimulatedPhone phone)
    {
        if (phone.Find(id) is not { } call)
        {
            return TypedResults.NotFound();
        }

        phone.HangUp(call);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<PromptsView>, NotFound>> GetPromptsAsync(string id, int? after, int? waitSeconds, SimulatedPhone phone, CancellationToken cancellationToken)
    {
        if (phone.Find(id) is not { } call)
        {
            return TypedResults.NotFound();
        }

        var heard = await phone.HeardAsync(call, after ?? 0, TimeSpan.FromSeconds(waitSeconds ?? 0), cancellationToken);
        var status = call.Status();
        return TypedResults.Ok(new PromptsView(status.State, [.. heard.Select(p => new PromptView(p.Sequence, p.Kind, p.Content, Spoken(p)))],
            status.TransferredTo is not null, status.TransferredTo, status.Listening));
    }

    private static CallView View(SimulatedCall call)
    {
        var status = call.Status();
        return new(call.Id, call.Caller, call.Callee, status.State, call.CallConnectionId, call.CorrelationId,
            status.TransferredTo is not null, status.TransferredTo, status.Listening);
    }

    private static SmsView View(SentSms sms) => new(sms.MessageId, sms.From, sms.To, sms.Message, sms.SentAt);

    /// <summary>The words of a prompt: SSML's text without its markup (what a screen shows and a browser's synthesis reads).</summary>
    internal static string Spoken(HeardPrompt prompt)
    {
        if (prompt.Kind != "ssml")
        {
            return prompt.Content;
        }

        try
        {
            return XDocument.Parse(prompt.Content).Root?.Value.Trim() ?? string.Empty;
        }
        catch (XmlException)
        {
            // Not well-formed: ACS would refuse it; show it as it came rather than nothing.
            return prompt.Content;
        }
    }

    private static Results<NoContent, NotFound, Conflict> Outbound(string id, SimulatedPhone phone, Func<SimulatedCall, bool> act) =>
        phone.Find(id) is not { } call ? TypedResults.NotFound() : act(call) ? TypedResults.NoContent() : TypedResults.Conflict();

    internal sealed record PlaceCallRequest(string? From, string? To);

    internal sealed record KeysRequest(string? Keys);

    internal sealed record SpeechRequest(string? Text);

    internal sealed record LineView(string Number, string Name);

    internal sealed record DeclineRequest(bool? Busy);

    internal sealed record LinesView(string DefaultCaller, IReadOnlyList<LineView> Lines);

    internal sealed record CallView(string Id, string From, string To, string State, string CallConnectionId, string CorrelationId,
        bool Transferred, string? TransferredTo, string? Listening);

    // Content is what was sent to ACS; Text its words (SSML's text without markup).
    internal sealed record PromptView(int Sequence, string Kind, string Content, string Text);

    internal sealed record PromptsView(string State, IReadOnlyList<PromptView> Prompts, bool Transferred, string? TransferredTo, string? Listening);

    internal sealed record SmsView(string MessageId, string From, string To, string Message, DateTimeOffset SentAt);
}
