using System.Text.Json.Serialization;

namespace ConversationHub.Bot.Engine;

/// <summary>The booking state's JSON (camelCase, enums as names, nulls left out).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
[JsonSerializable(typeof(BookingState))]
internal sealed partial class BookingStateJson : JsonSerializerContext;
