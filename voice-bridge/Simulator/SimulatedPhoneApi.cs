using ConversationHub.Core.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ConversationHub.VoiceBridge.Simulator;

/// <summary>The driver's JSON API (staff only): what the phone page and tests use to act as a caller.</summary>
internal static class SimulatedPhoneApi
{
    public static IEndpointRouteBuilder MapSimulatedPhoneApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/voice/simulator").WithTags("Voice simulator")
            .RequireAuthorization(policy => policy.RequireRole(HubRoles.Operator, HubRoles.Supervisor, HubRoles.Administrator));
        group.MapPost("/calls", PlaceCall).WithName("SimulatorPlaceCall");
        group.MapGet("/calls/{id}", GetCall).WithName("SimulatorGetCall");
        group.MapPost("/calls/{id}/dtmf", PressKeys).WithName("SimulatorPressKeys");
        group.MapPost("/calls/{id}/speech", Say).WithName("SimulatorSay");
        group.MapPost("/calls/{id}/hangup", HangUp).WithName("SimulatorHangUp");
        group.MapGet("/calls/{id}/prompts", GetPromptsAsync).WithName("SimulatorPrompts");
        // Outbound calls (callbacks from the cases) ringing at a citizen's number: answer or decline them.
        group.MapGet("/ringing", (string? to, SimulatedPhone phone) => TypedResults.Ok(to is { Length: > 0 } ? phone.RingingAt(to).Select(View).ToList() : new List<CallView>()))
            .WithName("SimulatorRinging");
        group.MapPost("/calls/{id}/answer", (string id, SimulatedPhone phone) => Outbound(id, phone, call => phone.Answer(call))).WithName("SimulatorAnswer");
        group.MapPost("/calls/{id}/decline", (string id, DeclineRequest request, SimulatedPhone phone) => Outbound(id, phone, call => phone.Decline(call, request.Busy ?? false)))
            .WithName("SimulatorDecline");
        group.MapGet("/sms", (AcsStandIn acs) => TypedResults.Ok(acs.Sms.Select(s => new SmsView(s.MessageId, s.From, s.To, s.Message, s.SentAt))))
            .WithName("SimulatorSms");
        return endpoints;
    }

    private static Results<Created<CallView>, ValidationProblem> PlaceCall(PlaceCallRequest request, SimulatedPhone phone)
    {
        if (string.IsNullOrWhiteSpace(request.From) || string.IsNullOrWhiteSpace(request.To))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["from"] = ["from and to are required."] });
        }

        if (phone.PlaceCall(request.From, request.To) is not { } call)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["to"] = ["Not a number of the city."] });
        }

        return TypedResults.Created($"/api/voice/simulator/calls/{call.Id}", View(call));
    }

    private static Results<Ok<CallView>, NotFound> GetCall(string id, SimulatedPhone phone) =>
        phone.Find(id) is { } call ? TypedResults.Ok(View(call)) : TypedResults.NotFound();

    private static Results<NoContent, NotFound, ValidationProblem> PressKeys(string id, KeysRequest request, SimulatedPhone phone)
    {
        if (phone.Find(id) is not { } call)
        {
            return TypedResults.NotFound();
        }

        return phone.PressKeys(call, request.Keys ?? string.Empty) ? TypedResults.NoContent()
            : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["keys"] = ["Keys are 0-9, *, # and A-D."] });
    }

    private static Results<NoContent, NotFound> Say(string id, SpeechRequest request, SimulatedPhone phone)
    {
        if (phone.Find(id) is not { } call)
        {
            return TypedResults.NotFound();
        }

        phone.Say(call, request.Text ?? string.Empty);
        return TypedResults.NoContent();
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
        return TypedResults.Ok(new PromptsView(call.State, [.. heard.Select(p => new PromptView(p.Sequence, p.Kind, p.Content))]));
    }

    private static Results<NoContent, NotFound, Conflict> Outbound(string id, SimulatedPhone phone, Func<SimulatedCall, bool> act) =>
        phone.Find(id) is not { } call ? TypedResults.NotFound() : act(call) ? TypedResults.NoContent() : TypedResults.Conflict();

    private static CallView View(SimulatedCall call) => new(call.Id, call.Caller, call.Callee, call.State, call.CallConnectionId, call.CorrelationId);

    internal sealed record PlaceCallRequest(string? From, string? To);

    internal sealed record KeysRequest(string? Keys);

    internal sealed record SpeechRequest(string? Text);

    internal sealed record DeclineRequest(bool? Busy);

    internal sealed record CallView(string Id, string From, string To, string State, string CallConnectionId, string CorrelationId);

    internal sealed record PromptView(int Sequence, string Kind, string Content);

    internal sealed record PromptsView(string State, IReadOnlyList<PromptView> Prompts);

    internal sealed record SmsView(string MessageId, string From, string To, string Message, DateTimeOffset SentAt);
}
