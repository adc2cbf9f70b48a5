using System.Text.Json;
using ConversationHub.Bot.DirectLine;
using ConversationHub.Bot.Line.Delivery;
using ConversationHub.Bot.Line.Webhook;
using ConversationHub.Bot.Persistence;
using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Conversations.Services;
using ConversationHub.Core.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ConversationHub.Bot.Line.Apis;

/// <summary>The LINE channel's endpoints: the webhook LINE calls, and the failed deliveries staff must see.</summary>
internal static class LineApi
{
    public const string SignatureHeader = "x-line-signature";

    public static IEndpointRouteBuilder MapLineApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/line").WithTags("LINE");

        // Anonymous to the cookie scheme: LINE authenticates by signing the body with the channel secret.
        group.MapPost("/webhook", ReceiveWebhookAsync)
            .WithName("LineWebhook")
            .AllowAnonymous()
            .DisableAntiforgery();

        group.MapGet("/failed-deliveries", ListFailedDeliveriesAsync)
            .WithName("LineFailedDeliveries")
            .RequireAuthorization(policy => policy.RequireRole(HubRoles.Supervisor, HubRoles.Administrator));
        return endpoints;
    }

    /// <summary>
    /// Verifies the signature over the raw bytes before anything is parsed, stores the events, and answers 200.
    /// Processing happens in the background (<see cref="Inbox.LineInboxWorker"/>).
    /// </summary>
    public static async Task<Results<Ok, NotFound, UnauthorizedHttpResult, BadRequest, StatusCodeHttpResult>> ReceiveWebhookAsync(
        HttpRequest request, IOptionsMonitor<LineChannelOptions> options, LineWebhookInbox inbox, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        if (!settings.Enabled)
        {
            return TypedResults.NotFound();
        }

        var body = await DirectLineRequests.ReadBodyAsync(request, settings.MaxWebhookBytes, cancellationToken);
        if (body is null)
        {
            return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        if (!LineSignature.IsValid(settings.ChannelSecret!, body, request.Headers[SignatureHeader]))
        {
            return TypedResults.Unauthorized();
        }

        try
        {
            using var callback = JsonDocument.Parse(body);
            await inbox.AcceptAsync(callback.RootElement, cancellationToken);
        }
        catch (JsonException)
        {
            return TypedResults.BadRequest();
        }

        return TypedResults.Ok();
    }

    /// <summary>
    /// Outbound LINE messages given up after their retries, newest first (ids only: the text stays in the transcript).
    /// The transcript says which failed and after how many attempts; the LINE row adds LINE's last answer.
    /// </summary>
    public static async Task<Ok<List<FailedLineDelivery>>> ListFailedDeliveriesAsync(IConversationStore store, BotDbContext db, CancellationToken cancellationToken)
    {
        var failed = await store.FindFailedDeliveriesAsync(ConversationChannel.Line, 200, cancellationToken);
        var ids = failed.Select(f => f.ActivityId).ToList();
        var lineRows = await db.LineDeliveries.AsNoTracking().Where(d => ids.Contains(d.ActivityId)).ToDictionaryAsync(d => d.ActivityId, cancellationToken);
        var listed = failed.Select(f => Describe(f, lineRows.GetValueOrDefault(f.ActivityId))).OrderByDescending(f => f.FailedAtUtc).ToList();
        return TypedResults.Ok(listed);
    }

    private static FailedLineDelivery Describe(FailedDelivery failed, LineDelivery? line) =>
        new(failed.ActivityId, failed.ConversationId, failed.Sequence, failed.Attempts, line?.LastError, line?.UpdatedAtUtc ?? failed.TimestampUtc);
}

/// <summary>One failed LINE delivery, as listed for staff.</summary>
internal sealed record FailedLineDelivery(Guid ActivityId, Guid ConversationId, long Sequence, int Attempts, string? LastError, DateTime FailedAtUtc);
