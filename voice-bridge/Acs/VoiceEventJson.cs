using System.Text.Json;
using ConversationHub.VoiceBridge.Acs.Events;

namespace ConversationHub.VoiceBridge.Acs;

/// <summary>The events as the ledger keeps them until handled (our own records as JSON, not ACS's wire format).</summary>
internal static class VoiceEventJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write(IncomingCall call) => JsonSerializer.Serialize(call, Options);

    public static string Write(AcsCallEvent callEvent) => JsonSerializer.Serialize(callEvent, Options);

    public static IncomingCall? ReadIncomingCall(string json) => JsonSerializer.Deserialize<IncomingCall>(json, Options);

    public static AcsCallEvent? ReadCallEvent(string json) => JsonSerializer.Deserialize<AcsCallEvent>(json, Options);
}
