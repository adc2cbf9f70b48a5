using ConversationHub.Core.Audit;
using System.Security.Claims;
using ConversationHub.Core.Identity;
using ConversationHub.Handoff.Agents;
using ConversationHub.Handoff.Chats;
using ConversationHub.Handoff.Console;
using ConversationHub.Handoff.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Handoff.Apis;

/// <summary>
/// The handoff module's JSON APIs: chats (their agent or a supervisor), the supervisor's board and audit trail, and the
/// canned responses (read by operators, kept by supervisors). The live console uses the SignalR hub; these serve
/// reports, tests and integrations, with the same rules.
/// </summary>
internal static class HandoffApi
{
    public static IEndpointRouteBuilder MapHandoffApi(this IEndpointRouteBuilder endpoints)
    {
        var staff = endpoints.MapGroup("/api/handoff").WithTags("Handoff")
            .RequireAuthorization(policy => policy.RequireRole(HubRoles.Operator, HubRoles.Supervisor));
        staff.MapGet("/chats/{id:guid}", GetChatAsync).WithName("GetHandoffChat").WithSummary("A chat's transcript, notes and history: its agent or a supervisor (403 otherwise).");
        staff.MapGet("/console", GetSnapshotAsync).WithName("GetConsoleSnapshot").WithSummary("What the chats console shows: presence, queue, own chats, colleagues.");
        staff.MapGet("/canned", ListCannedAsync).WithName("ListCannedResponses").WithSummary("Canned responses (定型文), filtered by q on title, body and category.");

        var supervisors = endpoints.MapGroup("/api/handoff").WithTags("Handoff")
            .RequireAuthorization(policy => policy.RequireRole(HubRoles.Supervisor));
        supervisors.MapGet("/board", GetBoardAsync).WithName("GetSupervisorBoard").WithSummary("Live figures of today, every agent, every live chat and the queue.");
        supervisors.MapGet("/audit", GetAuditAsync).WithName("GetHandoffAudit").WithSummary("Who accepted, transferred, noted and closed what, newest first.");
        supervisors.MapPut("/agents/{id:guid}/profile", SetProfileAsync).WithName("SetAgentProfile")
            .WithSummary("An agent's concurrent-chat limit (null: the center's), categories (teams; empty: all) and languages.");
        supervisors.MapPost("/canned", CreateCannedAsync).WithName("CreateCannedResponse");
        supervisors.MapPut("/canned/{id:guid}", UpdateCannedAsync).WithName("UpdateCannedResponse");
        supervisors.MapDelete("/canned/{id:guid}", DeleteCannedAsync).WithName("DeleteCannedResponse");
        return endpoints;
    }

    internal static async Task<Results<Ok<ChatView>, NotFound, ForbidHttpResult>> GetChatAsync(Guid id, HttpContext context, ConsoleReader reader, CancellationToken cancellationToken)
    {
        try
        {
            if (await reader.ChatAsync(StaffUser.Of(context.User)!, id, cancellationToken) is not { } view)
                return TypedResults.NotFound();
            await context.AuditAsync(AuditActions.TranscriptViewed, "conversation:" + id);
            return TypedResults.Ok(view);
        }
        catch (UnauthorizedAccessException)
        {
            return TypedResults.Forbid();
        }
    }

    internal static async Task<Ok<ConsoleSnapshot>> GetSnapshotAsync(ClaimsPrincipal user, ConsoleReader reader, CancellationToken cancellationToken) =>
        TypedResults.Ok(await reader.SnapshotAsync(StaffUser.Of(user)!, cancellationToken));

    internal static async Task<Ok<SupervisorBoard>> GetBoardAsync(ClaimsPrincipal user, ConsoleReader reader, CancellationToken cancellationToken) =>
        TypedResults.Ok(await reader.SupervisorBoardAsync(StaffUser.Of(user)!, cancellationToken));

    internal static async Task<Ok<List<AuditItem>>> GetAuditAsync(Guid? conversationId, int? take, HandoffDbContext db, CancellationToken cancellationToken)
    {
        var query = db.Audit.AsNoTracking();
        if (conversationId is { } id)
        {
            query = query.Where(a => a.ConversationId == id);
        }

        var entries = await query.OrderByDescending(a => a.Id).Take(Math.Clamp(take ?? 200, 1, 1000))
            .Select(a => new AuditItem(a.Id, a.AtUtc, a.ActorId, a.Action, a.ConversationId, a.Detail))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(entries);
    }

    internal static async Task<Ok<List<CannedItem>>> ListCannedAsync(string? q, HandoffDbContext db, CancellationToken cancellationToken)
    {
        var all = await db.CannedResponses.AsNoTracking().OrderBy(c => c.Category).ThenBy(c => c.Title).ToListAsync(cancellationToken);
        var term = q?.Trim();
        return TypedResults.Ok(all
            .Where(c => string.IsNullOrEmpty(term) || c.Title.Contains(term, StringComparison.OrdinalIgnoreCase) || c.Body.Contains(term, StringComparison.OrdinalIgnoreCase)
                || (c.Category?.Contains(term, StringComparison.OrdinalIgnoreCase) ?? false))
            .Select(CannedItem.From).ToList());
    }

    internal static async Task<Results<Created<CannedItem>, ValidationProblem>> CreateCannedAsync(CannedRequest request, ClaimsPrincipal user, HandoffDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (Validate(request) is { } invalid)
        {
            return invalid;
        }

        var canned = new CannedResponse(request.Title!.Trim(), request.Body!.Trim(), Blank(request.Category), StaffUser.Of(user)!.Id, time.GetUtcNow().UtcDateTime);
        db.CannedResponses.Add(canned);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/handoff/canned/{canned.Id}", CannedItem.From(canned));
    }

    internal static async Task<Results<Ok<CannedItem>, NotFound, ValidationProblem>> UpdateCannedAsync(Guid id, CannedRequest request, ClaimsPrincipal user, HandoffDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (Validate(request) is { } invalid)
        {
            return invalid;
        }

        var canned = await db.CannedResponses.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (canned is null)
        {
            return TypedResults.NotFound();
        }

        canned.Title = request.Title!.Trim();
        canned.Body = request.Body!.Trim();
        canned.Category = Blank(request.Category);
        canned.UpdatedBy = StaffUser.Of(user)!.Id;
        canned.UpdatedAtUtc = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(CannedItem.From(canned));
    }

    internal static async Task<Results<NoContent, NotFound>> DeleteCannedAsync(Guid id, HandoffDbContext db, CancellationToken cancellationToken) =>
        await db.CannedResponses.Where(c => c.Id == id).ExecuteDeleteAsync(cancellationToken) > 0 ? TypedResults.NoContent() : TypedResults.NotFound();

    internal static async Task<Results<NoContent, ValidationProblem>> SetProfileAsync(Guid id, ProfileRequest request, ClaimsPrincipal user, ChatDesk desk, CancellationToken cancellationToken)
    {
        var errors = AgentProfileRules.Validate(request.MaxChats, request.Categories, request.Languages, request.PhoneTarget);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        await desk.SetProfileAsync(StaffUser.Of(user)!, id, request.MaxChats, request.Categories, request.Languages, request.PhoneTarget, cancellationToken);
        return TypedResults.NoContent();
    }

    private static ValidationProblem? Validate(CannedRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Title) || request.Title.Trim().Length > 100)
        {
            errors["title"] = ["title is required, at most 100 characters."];
        }

        if (string.IsNullOrWhiteSpace(request.Body) || request.Body.Trim().Length > 2000)
        {
            errors["body"] = ["body is required, at most 2000 characters."];
        }

        if (request.Category is { Length: > 100 })
        {
            errors["category"] = ["category has at most 100 characters."];
        }

        return errors.Count == 0 ? null : TypedResults.ValidationProblem(errors);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    internal sealed record ProfileRequest(int? MaxChats, IReadOnlyList<string>? Categories, IReadOnlyList<string>? Languages, string? PhoneTarget = null);

    internal sealed record CannedRequest(string? Title, string? Body, string? Category);

    internal sealed record CannedItem(Guid Id, string Title, string Body, string? Category, DateTime UpdatedAtUtc)
    {
        public static CannedItem From(CannedResponse c) => new(c.Id, c.Title, c.Body, c.Category, c.UpdatedAtUtc);
    }

    internal sealed record AuditItem(long Id, DateTime AtUtc, Guid? ActorId, string Action, Guid ConversationId, string? Detail);
}
