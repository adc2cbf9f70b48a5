using ConversationHub.Bot.Line.Delivery;
using ConversationHub.Bot.Persistence;
using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Conversations.Services;
using ConversationHub.Host.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.Line;

/// <summary>
/// One outbound LINE message as a test sees it: the transcript's delivery state (the record) beside the LINE row
/// (retry key, method, LINE's last error), null when LINE was never called for it.
/// </summary>
internal sealed record LineDeliveryView(TranscriptActivity Activity, LineDelivery? Line)
{
    public DeliveryState State => Activity.Delivery;

    public int Attempts => Activity.DeliveryAttempts;

    public string? Method => Line?.Method;

    /// <summary>The outbound messages of the citizen's open LINE conversation, in order.</summary>
    public static async Task<List<LineDeliveryView>> ForCitizenAsync(HubHost host, string user, CancellationToken ct)
    {
        var conversation = await Eventually.UntilAsync(() => OpenConversationAsync(host, user, ct), "the conversation", ct);
        return await ForConversationAsync(host, conversation.Id, ct);
    }

    /// <summary>The outbound messages of the conversation, in order.</summary>
    public static async Task<List<LineDeliveryView>> ForConversationAsync(HubHost host, Guid conversationId, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var transcript = await scope.ServiceProvider.GetRequiredService<IConversationStore>().ReadAsync(conversationId, 0, 100, ct);
        var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
        var messages = transcript.Where(a => a.Direction == ActivityDirection.Outbound && a.Type == "message").ToList();
        var ids = messages.Select(a => a.Id).ToList();
        var rows = await db.LineDeliveries.AsNoTracking().Where(d => ids.Contains(d.ActivityId)).ToDictionaryAsync(d => d.ActivityId, ct);
        return [.. messages.Select(a => new LineDeliveryView(a, rows.GetValueOrDefault(a.Id)))];
    }

    public static async Task<Conversation?> OpenConversationAsync(HubHost host, string user, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IConversationStore>().FindOpenAsync(ConversationChannel.Line, user, ct);
    }

    public static async Task<IReadOnlyList<TranscriptActivity>> TranscriptAsync(HubHost host, string user, CancellationToken ct)
    {
        var conversation = await Eventually.UntilAsync(() => OpenConversationAsync(host, user, ct), "the conversation", ct);
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IConversationStore>().ReadAsync(conversation.Id, 0, 100, ct);
    }
}
