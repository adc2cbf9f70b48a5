using System.Text.Json.Serialization;

namespace ConversationHub.VoiceBridge.Acs.Wire;

// The wire records of ACS Call Automation / SMS, named and spelled as Azure's REST specification names them
// (Common common.json, CallAutomation 2025-06-15, Sms 2021-03-07). Only the fields the IVR uses are modelled;
// null members are not written.

/// <summary>A participant's identity: a phone number or an ACS user (other kinds are kept as their raw id).</summary>
public sealed record CommunicationIdentifierModel
{
    /// <summary><c>phoneNumber</c>, <c>communicationUser</c>, … (required only in responses).</summary>
    [JsonPropertyName("kind")] public string? Kind { get; init; }

    /// <summary>The raw id: <c>4:+81…</c> for a phone number, <c>8:acs:…</c> for an ACS user.</summary>
    [JsonPropertyName("rawId")] public string? RawId { get; init; }

    /// <summary>The ACS user, when <see cref="Kind"/> is <c>communicationUser</c>.</summary>
    [JsonPropertyName("communicationUser")] public CommunicationUserIdentifierModel? CommunicationUser { get; init; }

    /// <summary>The phone number, when <see cref="Kind"/> is <c>phoneNumber</c>.</summary>
    [JsonPropertyName("phoneNumber")] public PhoneNumberIdentifierModel? PhoneNumber { get; init; }

    /// <summary>A PSTN number in E.164.</summary>
    public static CommunicationIdentifierModel ForPhoneNumber(string e164) =>
        new() { Kind = "phoneNumber", RawId = "4:" + e164, PhoneNumber = new PhoneNumberIdentifierModel { Value = e164 } };

    /// <summary>An ACS user (<c>8:acs:…</c>).</summary>
    public static CommunicationIdentifierModel ForCommunicationUser(string id) =>
        new() { Kind = "communicationUser", RawId = id, CommunicationUser = new CommunicationUserIdentifierModel { Id = id } };
}

/// <summary>An ACS user.</summary>
public sealed record CommunicationUserIdentifierModel
{
    /// <summary>The user's id.</summary>
    [JsonPropertyName("id")] public required string Id { get; init; }
}

/// <summary>A phone number.</summary>
public sealed record PhoneNumberIdentifierModel
{
    /// <summary>E.164, e.g. <c>+81501234567</c>.</summary>
    [JsonPropertyName("value")] public required string Value { get; init; }

    /// <summary>Whether the number is withheld (responses and events only).</summary>
    [JsonPropertyName("isAnonymous")] public bool? IsAnonymous { get; init; }
}
