using System.Security.Claims;
using ConversationHub.Core.Conversations.Services;
using ConversationHub.Core.Identity;
using ConversationHub.Core.Persistence;
using ConversationHub.VoiceBridge.Acs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ConversationHub.VoiceBridge.Calls;

/// <summary>
/// 本市内線電話に転送: the agent on a call moves it on to a department's extension. Only the call's agent (or a
/// supervisor) may; the department must be active and have an extension. The console then writes the note on the case.
/// </summary>
internal static class CallTransferApi
{
    public static IEndpointRouteBuilder MapCallTransferApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/voice/calls/{conversationId:guid}").WithTags("Voice calls")
            .RequireAuthorization(policy => policy.RequireRole(HubRoles.Operator, HubRoles.Supervisor));
        group.MapGet("/departments", ListTargetsAsync).WithName("VoiceTransferTargets")
            .WithSummary("The departments a call can be moved on to, with the number dialled.");
        group.MapPost("/transfer", TransferAsync).WithName("VoiceTransferToDepartment")
            .WithSummary("Moves the call on to a department's extension; the agent leaves when the department answers.");
        return endpoints;
    }

    internal sealed record TransferTarget(Guid DepartmentId, string Name, string Extension, string Number);

    internal sealed record TransferRequest(Guid? DepartmentId);

    internal sealed record TransferStarted(Guid DepartmentId, string Name, string Number);

    private static async Task<Results<Ok<IReadOnlyList<TransferTarget>>, ProblemHttpResult>> ListTargetsAsync(
        Guid conversationId, ClaimsPrincipal user, IConversationStore conversations, HubDbContext hub, IOptionsMonitor<VoiceOptions> options, CancellationToken cancellationToken)
    {
        if (await CheckAsync(conversationId, user, conversations, cancellationToken) is { } problem)
        {
            return problem;
        }

        var departments = await hub.Departments.AsNoTracking().Where(d => d.IsActive && d.Extension != null).OrderBy(d => d.Code).ToListAsync(cancellationToken);
        IReadOnlyList<TransferTarget> targets = [.. departments
            .Select(d => (Department: d, Number: options.CurrentValue.DialExtension(d.Extension)))
            .Where(x => x.Number is not null)
            .Select(x => new TransferTarget(x.Department.Id, x.Department.Name, x.Department.Extension!, x.Number!))];
        return TypedResults.Ok(targets);
    }

    private static async Task<Results<Accepted<TransferStarted>, ProblemHttpResult>> TransferAsync(
        Guid conversationId, TransferRequest request, ClaimsPrincipal user, IConversationStore conversations, HubDbContext hub,
        IOptionsMonitor<VoiceOptions> options, CallHandler handler, CancellationToken cancellationToken)
    {
        if (await CheckAsync(conversationId, user, conversations, cancellationToken) is { } problem)
        {
            return problem;
        }

        var department = request.DepartmentId is { } id ? await hub.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id && d.IsActive, cancellationToken) : null;
        if (department is null || options.CurrentValue.DialExtension(department.Extension) is not { } number)
        {
            return TypedResults.Problem(statusCode: 400, title: "departmentId must name an active department with an extension.", detail: "転送先の部署を選んでください（内線番号のある部署だけに転送できます）。");
        }

        if (!await handler.TransferToDepartmentAsync(conversationId, department.Id, number, cancellationToken))
        {
            return TypedResults.Problem(statusCode: 409, title: "The call is not with its agent now (not connected yet, already being moved, or over).",
                detail: "この通話は、いま転送できません（担当者につながる前、転送中、または通話が終わっています）。");
        }

        return TypedResults.Accepted((string?)null, new TransferStarted(department.Id, department.Name, number));
    }

    // The call's own agent, or a supervisor.
    private static async Task<ProblemHttpResult?> CheckAsync(Guid conversationId, ClaimsPrincipal user, IConversationStore conversations, CancellationToken cancellationToken)
    {
        var conversation = await conversations.FindAsync(conversationId, cancellationToken);
        if (conversation is null || conversation.Channel != Core.Conversations.Domain.ConversationChannel.Voice)
        {
            return TypedResults.Problem(statusCode: 404, title: "No call has this conversation id.", detail: "この通話は見つかりません。");
        }

        var me = Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty;
        return conversation.AgentId == me || user.IsInRole(HubRoles.Supervisor)
            ? null
            : TypedResults.Problem(statusCode: 403, title: "Only the call's agent or a supervisor may move it.", detail: "この通話を転送できるのは、対応中の担当者かスーパーバイザーです。");
    }
}
