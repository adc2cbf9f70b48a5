using ConversationHub.Core.Identity;
using ConversationHub.Handoff.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Handoff.Mail;

/// <summary>
/// The mail transport's operations API (Supervisor, Administrator): the outbox by state (failed messages first of all)
/// and a retry, and received mail by state (unrouted, routing failed). No addresses, subjects or bodies: those are read
/// on the case.
/// </summary>
public static class MailApi
{
    /// <summary>Maps <c>/api/mail/…</c>.</summary>
    public static IEndpointRouteBuilder MapMailApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup("/api/mail").WithTags("Mail")
            .RequireAuthorization(policy => policy.RequireRole(HubRoles.Supervisor, HubRoles.Administrator));
        group.MapGet("/outbox", ListOutboxAsync).WithName("ListMailOutbox").WithSummary("Outbound mail, newest first, optionally of one state (Pending, Sending, Sent, Failed).");
        group.MapPost("/outbox/{id:guid}/retry", RetryOutboxAsync).WithName("RetryMailOutbox").WithSummary("Sends a Failed message again (attempts start over); 409 unless it is Failed.");
        group.MapGet("/inbox", ListInboxAsync).WithName("ListMailInbox").WithSummary("Received mail, newest first, optionally of one state (Received, Routed, Unrouted, RoutingFailed).");
        return endpoints;
    }

    internal static async Task<Ok<List<OutboxItem>>> ListOutboxAsync(OutboundMailState? state, int? take, HandoffDbContext db, CancellationToken cancellationToken)
    {
        var query = db.MailOutbox.AsNoTracking();
        if (state is { } s)
        {
            query = query.Where(m => m.State == s);
        }

        var items = await query.OrderByDescending(m => m.CreatedAtUtc).ThenByDescending(m => m.Id).Take(Math.Clamp(take ?? 200, 1, 1000))
            .Select(m => new OutboxItem(m.Id, m.CaseId, m.MessageId, m.State, m.Attempts, m.NextAttemptAtUtc, m.LastError, m.SentAtUtc, m.CreatedAtUtc))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(items);
    }

    internal static async Task<Results<NoContent, NotFound, Conflict>> RetryOutboxAsync(Guid id, HandoffDbContext db, MailOutbox outbox, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var changed = await db.MailOutbox.Where(m => m.Id == id && m.State == OutboundMailState.Failed)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.State, OutboundMailState.Pending)
                .SetProperty(m => m.Attempts, 0)
                .SetProperty(m => m.NextAttemptAtUtc, now), cancellationToken);
        if (changed == 1)
        {
            outbox.WakeSenders();
            return TypedResults.NoContent();
        }

        return await db.MailOutbox.AnyAsync(m => m.Id == id, cancellationToken) ? TypedResults.Conflict() : TypedResults.NotFound();
    }

    internal static async Task<Ok<List<InboxItem>>> ListInboxAsync(InboundMailState? state, int? take, HandoffDbContext db, CancellationToken cancellationToken)
    {
        var query = db.MailInbox.AsNoTracking();
        if (state is { } s)
        {
            query = query.Where(m => m.State == s);
        }

        var items = await query.OrderByDescending(m => m.ReceivedAtUtc).ThenByDescending(m => m.Id).Take(Math.Clamp(take ?? 200, 1, 1000))
            .Select(m => new InboxItem(m.Id, m.Source, m.State, m.Length, m.Attempts, m.NextAttemptAtUtc, m.LastError, m.ParseWarning, m.CaseId, m.ReceivedAtUtc, m.RoutedAtUtc))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(items);
    }
}

/// <summary>An outbox row as supervisors see it (no personal data).</summary>
public sealed record OutboxItem(Guid Id, Guid? CaseId, string MessageId, OutboundMailState State, int Attempts, DateTime? NextAttemptAtUtc, string? LastError, DateTime? SentAtUtc, DateTime CreatedAtUtc);

/// <summary>A received message as supervisors see it (no personal data).</summary>
public sealed record InboxItem(Guid Id, string Source, InboundMailState State, long Length, int Attempts, DateTime? NextAttemptAtUtc, string? LastError, string? ParseWarning, Guid? CaseId, DateTime ReceivedAtUtc, DateTime? RoutedAtUtc);
