using ConversationHub.Bot.Line.Client;
using ConversationHub.Core.Programs;
using Microsoft.Extensions.Options;

namespace ConversationHub.Bot.Line.Notices;

/// <summary>
/// Core's <see cref="ICitizenNoticeSender"/> for LINE: a push message to the citizen's LINE user id (reservation
/// numbers and reminders from the handoff module, which cannot reference the bot). The notice's id is LINE's retry key,
/// so a retried push is delivered once.
/// </summary>
internal sealed class LineNoticeSender(LineMessagingClient client, IOptionsMonitor<LineChannelOptions> options) : ICitizenNoticeSender
{
    /// <inheritdoc />
    public ReservationContactChannel Channel => ReservationContactChannel.Line;

    /// <inheritdoc />
    public bool IsAvailable => options.CurrentValue.Enabled && !string.IsNullOrEmpty(options.CurrentValue.ChannelAccessToken);

    /// <inheritdoc />
    public async Task<bool> SendAsync(string address, string text, Guid noticeId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(address);
        ArgumentException.ThrowIfNullOrEmpty(text);
        var result = await client.PushAsync(new LinePushRequest(address, [LineMessage.Plain(text)]), noticeId, cancellationToken);
        return result.IsSuccess || result.IsAlreadyAccepted;
    }
}
