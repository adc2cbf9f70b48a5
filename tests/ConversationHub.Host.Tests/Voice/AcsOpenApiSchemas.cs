using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace ConversationHub.Host.Tests.Voice;

/// <summary>
/// The request body schemas of Azure's stored REST specifications (read from shared/specs/contracts/acs, never copied),
/// turned into one JSON Schema 2020-12 document per file: <c>definitions</c> become <c>$defs</c>, the common file's
/// definitions are merged in under a <c>common_</c> prefix, and every object with properties is closed
/// (<c>unevaluatedProperties: false</c>) so a misspelt wire name fails too.
/// </summary>
internal static class AcsOpenApiSchemas
{
    private const string CommonRef = "../../../Common/stable/2025-06-30/common.json#/definitions/";

    public static string ContractsRoot =>
        Environment.GetEnvironmentVariable("HUB_SHARED_DIR") is { Length: > 0 } shared
            ? Path.Combine(shared, "specs", "contracts", "acs")
            : Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "..", "shared", "specs", "contracts", "acs"));

    private static readonly Lazy<JsonObject> CallAutomation = new(() => Load(Path.Combine("CallAutomation", "stable", "2025-06-15", "communicationservicescallautomation.json")));

    private static readonly Lazy<JsonObject> Sms = new(() => Load(Path.Combine("Sms", "stable", "2021-03-07", "communicationservicessms.json")));

    // JsonSchema.Net registers each built schema globally by its $id, so each one is built once.
    private static readonly ConcurrentDictionary<string, Lazy<JsonSchema>> Built = new(StringComparer.Ordinal);

    public static IReadOnlyList<string> ValidateCallAutomation(string definition, byte[] body) => Validate("call-automation", CallAutomation, definition, body);

    public static IReadOnlyList<string> ValidateSms(string definition, byte[] body) => Validate("sms", Sms, definition, body);

    // The stand-in's operation names and the specification's request definitions.
    private static readonly Dictionary<string, string> RequestDefinitions = new(StringComparer.Ordinal)
    {
        ["answer"] = "AnswerCallRequest",
        ["reject"] = "RejectCallRequest",
        ["redirect"] = "RedirectCallRequest",
        ["create"] = "CreateCallRequest",
        ["play"] = "PlayRequest",
        ["recognize"] = "RecognizeRequest",
        ["transferToParticipant"] = "TransferToParticipantRequest",
        ["addParticipant"] = "AddParticipantRequest",
        ["removeParticipant"] = "RemoveParticipantRequest",
    };

    /// <summary>
    /// Every request the stand-in received in a test, each checked against its definition in ACS's stored specification
    /// (operations without a body — hang up, terminate, cancel media — have nothing to check); the failures, empty when all pass.
    /// </summary>
    public static IReadOnlyList<string> ValidateAll(IEnumerable<VoiceBridge.Simulator.RecordedOperation> operations)
    {
        var failures = new List<string>();
        foreach (var operation in operations)
        {
            var body = System.Text.Encoding.UTF8.GetBytes(operation.Body);
            var errors = operation.Name == "sms" ? ValidateSms("SendMessageRequest", body)
                : RequestDefinitions.TryGetValue(operation.Name, out var definition) ? ValidateCallAutomation(definition, body)
                : [];
            failures.AddRange(errors.Select(e => $"{operation.Name}: {e}"));
        }

        return failures;
    }

    private static List<string> Validate(string spec, Lazy<JsonObject> defs, string definition, byte[] body)
    {
        var id = $"https://contracts.test/{spec}/{definition}";
        var schema = Built.GetOrAdd(id, _ => new Lazy<JsonSchema>(() => JsonSchema.FromText(new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = id,
            ["$ref"] = "#/$defs/" + definition,
            ["$defs"] = defs.Value.DeepClone(),
        }.ToJsonString()))).Value;
        using var instance = JsonDocument.Parse(body);
        var results = schema.Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return results.IsValid
            ? []
            : (results.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}")).DefaultIfEmpty("invalid").ToList();
    }

    private static JsonObject Load(string relative)
    {
        var text = File.ReadAllText(Path.Combine(ContractsRoot, relative))
            .Replace(CommonRef, "#/$defs/common_", StringComparison.Ordinal)
            .Replace("\"#/definitions/", "\"#/$defs/", StringComparison.Ordinal);
        var spec = JsonNode.Parse(text)!.AsObject();
        var defs = new JsonObject();
        foreach (var (name, value) in spec["definitions"]!.AsObject())
        {
            defs[name] = Close(value!.DeepClone());
        }

        var commonText = File.ReadAllText(Path.Combine(ContractsRoot, "Common", "stable", "2025-06-30", "common.json"))
            .Replace("\"#/definitions/", "\"#/$defs/common_", StringComparison.Ordinal);
        foreach (var (name, value) in JsonNode.Parse(commonText)!["definitions"]!.AsObject())
        {
            defs["common_" + name] = Close(value!.DeepClone());
        }

        return defs;
    }

    private static JsonNode Close(JsonNode node)
    {
        if (node is JsonObject o && o["properties"] is JsonObject && o["additionalProperties"] is null)
        {
            o["unevaluatedProperties"] = false;
        }

        return node;
    }
}
