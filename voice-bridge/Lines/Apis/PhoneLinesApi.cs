using ConversationHub.Core.Audit;
using System.Security.Claims;
using ConversationHub.Core.Identity;
using ConversationHub.VoiceBridge.Resources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace ConversationHub.VoiceBridge.Lines.Apis;

/// <summary>
/// The phone lines for the administrators' page (<c>/console/admin/phone-lines</c>): administrators add, edit and remove
/// lines; administrators and holders of <see cref="HubRoles.PhoneSwitch"/> switch a line's emergency forward and read the
/// audit list; every console role reads which lines forward now (the consoles' banner). Errors are problem details with
/// Japanese titles; a stale version is 409 and changes nothing.
/// </summary>
internal static class PhoneLinesApi
{
    public const string Prefix = "/api/voice/lines";

    private static readonly string[] Switchers = [HubRoles.Administrator, HubRoles.PhoneSwitch];

    public static IEndpointRouteBuilder MapPhoneLinesApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        // Literal segments (emergency, switch-log) outrank {number}, so they never reach the line routes.
        endpoints.MapGet(Prefix + "/emergency", ForwardingAsync).WithTags("Voice").WithName("GetEmergencyForwards")
            .WithSummary("The lines forwarding every call now (代表電話の切替), for the consoles' banner.")
            .RequireAuthorization(policy => policy.RequireRole([.. HubRoles.All]));

        var read = endpoints.MapGroup(Prefix).WithTags("Voice").RequireAuthorization(policy => policy.RequireRole(Switchers));
        read.MapGet("/", ListAsync).WithName("ListPhoneLines").WithSummary("Every line with its settings and version.");
        read.MapGet("/switch-log", SwitchLogAsync).WithName("GetPhoneLineSwitchLog").WithSummary("The emergency switch's audit list, newest first (?take=1..200, default 50).");
        read.MapGet("/{number}", GetAsync).WithName("GetPhoneLine").ProducesProblem(StatusCodes.Status404NotFound);
        read.MapPost("/{number}/emergency", SwitchAsync).WithName("SwitchEmergencyForward")
            .WithSummary("Turns 'forward every call to <forwardTo>' on or off in one step, from the line's version; logged.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .AddEndpointFilter(new AuditedChange(AuditActions.SettingChanged, "voice_line", "number"));

        var admin = endpoints.MapGroup(Prefix).WithTags("Voice").RequireAuthorization(policy => policy.RequireRole(HubRoles.Administrator))
            .AddEndpointFilter(new AuditedChange(AuditActions.SettingChanged, "voice_line", "number"));
        admin.MapPost("/", CreateAsync).WithName("CreatePhoneLine").ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapPut("/{number}", UpdateAsync).WithName("UpdatePhoneLine")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapDelete("/{number}", DeleteAsync).WithName("DeletePhoneLine")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return endpoints;
    }

    internal static async Task<Ok<IReadOnlyList<EmergencyForwardView>>> ForwardingAsync(PhoneLineQueries queries, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queries.ForwardingAsync(cancellationToken));

    internal static async Task<Ok<IReadOnlyList<PhoneLineView>>> ListAsync(PhoneLineQueries queries, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queries.ListAsync(cancellationToken));

    internal static async Task<Ok<IReadOnlyList<LineSwitchView>>> SwitchLogAsync([FromQuery] int? take, PhoneLineQueries queries, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queries.SwitchLogAsync(take ?? 50, cancellationToken));

    internal static async Task<Results<Ok<PhoneLineView>, ProblemHttpResult>> GetAsync(
        string number, PhoneLineQueries queries, IStringLocalizer<PhoneLineStrings> strings, CancellationToken cancellationToken) =>
        await queries.FindAsync(number, cancellationToken) is { } line ? TypedResults.Ok(line) : NotFound(strings, number);

    internal static async Task<Results<Created<PhoneLineView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        PhoneLineRequest request, ClaimsPrincipal user, CreatePhoneLine create, PhoneLineQueries queries, IStringLocalizer<PhoneLineStrings> strings,
        CancellationToken cancellationToken)
    {
        var result = await create.ExecuteAsync(request, StaffId(user), cancellationToken);
        return result.Outcome switch
        {
            LineEditOutcome.Saved => TypedResults.Created($"{Prefix}/{Uri.EscapeDataString(result.Line!.Number)}", await queries.ViewAsync(result.Line, cancellationToken)),
            LineEditOutcome.Duplicate => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: strings["Line_Duplicate", request.Number ?? ""]),
            _ => Invalid(strings, result),
        };
    }

    internal static async Task<Results<Ok<PhoneLineView>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string number, PhoneLineRequest request, ClaimsPrincipal user, UpdatePhoneLine update, PhoneLineQueries queries,
        IStringLocalizer<PhoneLineStrings> strings, CancellationToken cancellationToken) =>
        await ResultAsync(await update.ExecuteAsync(number, request, StaffId(user), cancellationToken), number, queries, strings, cancellationToken);

    internal static async Task<Results<Ok<PhoneLineView>, ValidationProblem, ProblemHttpResult>> DeleteAsync(
        string number, [FromQuery] int? version, ClaimsPrincipal user, DeletePhoneLine delete, PhoneLineQueries queries,
        IStringLocalizer<PhoneLineStrings> strings, CancellationToken cancellationToken) =>
        await ResultAsync(await delete.ExecuteAsync(number, version, StaffId(user), cancellationToken), number, queries, strings, cancellationToken);

    internal static async Task<Results<Ok<PhoneLineView>, ValidationProblem, ProblemHttpResult>> SwitchAsync(
        string number, EmergencySwitchRequest request, ClaimsPrincipal user, SwitchEmergencyForward @switch, PhoneLineQueries queries,
        IStringLocalizer<PhoneLineStrings> strings, CancellationToken cancellationToken) =>
        await ResultAsync(await @switch.ExecuteAsync(number, request, StaffId(user), cancellationToken), number, queries, strings, cancellationToken);

    private static async Task<Results<Ok<PhoneLineView>, ValidationProblem, ProblemHttpResult>> ResultAsync(
        LineEditResult result, string number, PhoneLineQueries queries, IStringLocalizer<PhoneLineStrings> strings, CancellationToken cancellationToken) =>
        result.Outcome switch
        {
            LineEditOutcome.Saved => TypedResults.Ok(await queries.ViewAsync(result.Line!, cancellationToken)),
            LineEditOutcome.NotFound => NotFound(strings, number),
            LineEditOutcome.Stale => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: strings["Line_Stale"]),
            _ => Invalid(strings, result),
        };

    private static ProblemHttpResult NotFound(IStringLocalizer<PhoneLineStrings> strings, string number) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: strings["Line_NotFound", number]);

    // The title is the first message, so a client that shows one line shows the precise one.
    private static ValidationProblem Invalid(IStringLocalizer<PhoneLineStrings> strings, LineEditResult result)
    {
        var errors = result.Errors ?? [];
        return TypedResults.ValidationProblem(errors, title: errors.Count == 1 ? errors.First().Value[0] : strings["Line_Invalid"]);
    }

    private static Guid? StaffId(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}
