using System.Text.Json.Nodes;
using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Conversations.Services;
using ConversationHub.Handoff.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Handoff.Queue;

/// <summary>
/// What a handoff was about, from the bot's <c>handoff.initiate</c> in the transcript, and the contact record made from
/// it as soon as any node hears of the handoff (the router's pass makes any that a lost event left out).
/// </summary>
internal static class HandoffContext
{
    private const int TranscriptLookback = 40;

    public static async Task<(string? Category, string Language)> ReadAsync(IConversationStore store, Guid conversationId, CancellationToken cancellationToken)
    {
        var conversation = await store.FindAsync(conversationId, cancellationToken);
        var from = Math.Max(0, (conversation?.LastSequence ?? 0) - TranscriptLookback);
        var recent = await store.ReadAsync(conversationId, from, TranscriptLookback, cancellationToken);
        for (var i = recent.Count - 1; i >= 0; i--)
        {
            if (!string.Equals(recent[i].Type, "event", StringComparison.Ordinal))
            {
                continue;
            }

            var json = JsonNode.Parse(recent[i].ActivityJson);
            if (json?["name"]?.GetValue<string>() == "handoff.initiate" && json["value"] is JsonObject value)
            {
                var category = value["category"]?.GetValue<string>();
                var language = value["language"]?.GetValue<string>() ?? "ja";
                return (string.IsNullOrWhiteSpace(category) ? null : category, language);
            }
        }

        return (null, "ja");
    }

    /// <summary>Makes the contact record of a just-queued conversation unless one exists (every node may try).</summary>
    public static async Task EnsureRecordAsync(HandoffDbContext db, IConversationStore store, Guid conversationId, string? category, CancellationToken cancellationToken)
    {
        if (await db.Requests.AnyAsync(r => r.ConversationId == conversationId, cancellationToken)
            || await store.FindAsync(conversationId, cancellationToken) is not { Owner: ConversationOwner.Queued } conversation)
        {
            return;
        }

        // The event carries the category: the bot's handoff.initiate is committed with its answer, after the event. The
        // phone writes its handoff.initiate first, so a call's language (the caller's choice) is known here.
        var (_, language) = await ReadAsync(store, conversationId, cancellationToken);
        var record = new Queue.HandoffRequest(conversationId, conversation.Channel.ToString(), conversation.Reason ?? "user_request", category, language, conversation.UpdatedAtUtc)
        {
            ProgramId = conversation.ProgramId,
        };
        db.Requests.Add(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node made it first.
            db.Entry(record).State = EntityState.Detached;
        }
    }
}
