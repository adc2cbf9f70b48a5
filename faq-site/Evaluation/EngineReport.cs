using System.Text.Json.Serialization;

namespace ConversationHub.Faq.Evaluation;

/// <summary>One engine's figures over one evaluation run; the JSON names are the <c>faq eval --json</c> contract.</summary>
internal sealed record EngineReport(
    [property: JsonPropertyName("engine")] string Engine,
    [property: JsonPropertyName("ndcg10")] double Ndcg10,
    [property: JsonPropertyName("mrr10")] double Mrr10,
    [property: JsonPropertyName("recall10")] double Recall10,
    [property: JsonPropertyName("hit1A")] double Hit1A,
    [property: JsonPropertyName("hit5A")] double Hit5A,
    [property: JsonPropertyName("p50ms")] double P50Ms,
    [property: JsonPropertyName("p99ms")] double P99Ms,
    [property: JsonPropertyName("buildMs")] double BuildMs,
    [property: JsonPropertyName("queries")] int Queries,
    [property: JsonPropertyName("rerankP50ms"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? RerankP50Ms = null,
    [property: JsonPropertyName("rerankP99ms"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? RerankP99Ms = null);
