using System.Text.Json.Serialization;

namespace ConversationHub.VoiceBridge.Acs.Wire;

/// <summary>Sends an SMS (<c>SendMessageRequest</c>, SMS 2021-03-07).</summary>
public sealed record SendMessageRequest
{
    /// <summary>Our ACS number or sender id, E.164.</summary>
    [JsonPropertyName("from")] public required string From { get; init; }

    /// <summary>1–100 recipients, each with its own idempotency id.</summary>
    [JsonPropertyName("smsRecipients")] public required IReadOnlyList<SmsRecipient> SmsRecipients { get; init; }

    /// <summary>Up to 2048 characters.</summary>
    [JsonPropertyName("message")] public required string Message { get; init; }

    /// <summary>Delivery reports and tag.</summary>
    [JsonPropertyName("smsSendOptions")] public SmsSendOptions? SmsSendOptions { get; init; }
}

/// <summary>One recipient (<c>SmsRecipient</c>).</summary>
public sealed record SmsRecipient
{
    /// <summary>E.164.</summary>
    [JsonPropertyName("to")] public required string To { get; init; }

    /// <summary>The same for every try of one logical send.</summary>
    [JsonPropertyName("repeatabilityRequestId")] public string? RepeatabilityRequestId { get; init; }

    /// <summary>RFC 1123 time of the first try.</summary>
    [JsonPropertyName("repeatabilityFirstSent")] public string? RepeatabilityFirstSent { get; init; }
}

/// <summary>Send options (<c>SmsSendOptions</c>).</summary>
public sealed record SmsSendOptions
{
    /// <summary>Whether ACS emits SMSDeliveryReportReceived.</summary>
    [JsonPropertyName("enableDeliveryReport")] public required bool EnableDeliveryReport { get; init; }

    /// <summary>Echoed in delivery reports.</summary>
    [JsonPropertyName("tag")] public string? Tag { get; init; }
}

/// <summary>The per-recipient outcome (<c>SmsSendResponse</c>).</summary>
public sealed record SmsSendResponse
{
    /// <summary>One item per recipient; a 202 can still hold failures.</summary>
    [JsonPropertyName("value")] public IReadOnlyList<SmsSendResponseItem> Value { get; init; } = [];
}

/// <summary>One recipient's outcome (<c>SmsSendResponseItem</c>).</summary>
public sealed record SmsSendResponseItem
{
    /// <summary>The recipient.</summary>
    [JsonPropertyName("to")] public string? To { get; init; }

    /// <summary>ACS's message id, when accepted.</summary>
    [JsonPropertyName("messageId")] public string? MessageId { get; init; }

    /// <summary>The recipient's HTTP status.</summary>
    [JsonPropertyName("httpStatusCode")] public int HttpStatusCode { get; init; }

    /// <summary><c>accepted</c> or <c>rejected</c> (a repeat of an earlier id).</summary>
    [JsonPropertyName("repeatabilityResult")] public string? RepeatabilityResult { get; init; }

    /// <summary>Whether this recipient's message was accepted.</summary>
    [JsonPropertyName("successful")] public bool Successful { get; init; }

    /// <summary>Why not.</summary>
    [JsonPropertyName("errorMessage")] public string? ErrorMessage { get; init; }
}
