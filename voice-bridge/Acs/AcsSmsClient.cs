using ConversationHub.VoiceBridge.Acs.Wire;
using Microsoft.Extensions.Options;

namespace ConversationHub.VoiceBridge.Acs;

/// <summary>ACS SMS REST (2021-03-07), signed with the access key. Idempotency is per recipient, in the body.</summary>
public sealed class AcsSmsClient
{
    private readonly HttpClient _http;
    private readonly IOptionsMonitor<VoiceOptions> _options;

    /// <summary>Created by the HTTP client factory.</summary>
    public AcsSmsClient(HttpClient http, IOptionsMonitor<VoiceOptions> options)
    {
        _http = http;
        _options = options;
    }

    /// <summary>
    /// Sends one message to one recipient. The recipient's repeatability id comes from <paramref name="repeatability"/>
    /// (derived from the caller's operation key), so a retried send is delivered once.
    /// </summary>
    /// <returns>The recipient's outcome: a 202 can still hold a failed recipient (check <see cref="SmsSendResponseItem.Successful"/>).</returns>
    public async Task<SmsSendResponseItem?> SendAsync(string from, string to, string message, AcsRepeatability repeatability, bool enableDeliveryReport, string? tag, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(from);
        ArgumentException.ThrowIfNullOrEmpty(to);
        ArgumentException.ThrowIfNullOrEmpty(message);
        var body = new SendMessageRequest
        {
            From = from,
            SmsRecipients = [new SmsRecipient { To = to, RepeatabilityRequestId = repeatability.RequestIdText, RepeatabilityFirstSent = repeatability.FirstSentText }],
            Message = message,
            SmsSendOptions = new SmsSendOptions { EnableDeliveryReport = enableDeliveryReport, Tag = tag },
        };
        var path = "/sms?api-version=" + Uri.EscapeDataString(_options.CurrentValue.Acs.SmsApiVersion);
        var response = await AcsRestSender.SendAsync<SmsSendResponse>(_http, AcsRestSender.Create(HttpMethod.Post, path, body, null, idempotent: true), cancellationToken);
        return response is { Value.Count: > 0 } ? response.Value[0] : null;
    }
}
