using ConversationHub.Core.Programs;
using ConversationHub.VoiceBridge.Acs;
using ConversationHub.VoiceBridge.Callbacks;
using Microsoft.Extensions.Options;

namespace ConversationHub.VoiceBridge.Notices;

/// <summary>
/// Core's <see cref="ICitizenNoticeSender"/> for SMS through ACS (reservation numbers and reminders from the handoff
/// module, which cannot reference the voice bridge), sent from the city's callback line (<c>Voice:Callbacks:LineNumber</c>).
/// The notice's id is the recipient's repeatability id, so a retried send is delivered once.
/// </summary>
internal sealed class SmsNoticeSender(AcsSmsClient sms, IOptionsMonitor<VoiceOptions> voice, IOptionsMonitor<CallbackOptions> callbacks, TimeProvider time) : ICitizenNoticeSender
{
    /// <inheritdoc />
    public ReservationContactChannel Channel => ReservationContactChannel.Sms;

    /// <inheritdoc />
    public bool IsAvailable => voice.CurrentValue.Acs.Endpoint is not null && !string.IsNullOrEmpty(voice.CurrentValue.Acs.AccessKey);

    /// <inheritdoc />
    public async Task<bool> SendAsync(string address, string text, Guid noticeId, CancellationToken cancellationToken)
    {
        try
        {
            var result = await sms.SendAsync(callbacks.CurrentValue.LineNumber, address, text, AcsRepeatability.For("notice:" + noticeId.ToString("N"), time.GetUtcNow()),
                enableDeliveryReport: false, tag: "notice", cancellationToken);
            return result?.Successful == true;
        }
        catch (AcsRequestException)
        {
            // Refused by ACS (after its retries): the caller logs the notice as not sent, without the number.
            return false;
        }
    }
}
