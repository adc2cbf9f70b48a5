using System.Text.Json.Serialization;

namespace ConversationHub.Faq.KnowledgeBase.Import;

/// <summary>A file of FAQs to import (the demo city's <c>faqs.json</c>, or an export of another system).</summary>
public sealed record FaqDocument([property: JsonPropertyName("faqs")] IReadOnlyList<FaqDocumentEntry> Faqs);

/// <summary>One FAQ in a <see cref="FaqDocument"/>; departments are codes, resolved by the caller.</summary>
public sealed record FaqDocumentEntry(
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("question")] string Question,
    [property: JsonPropertyName("paraphrases")] IReadOnlyList<string>? Paraphrases,
    [property: JsonPropertyName("answer")] string Answer,
    [property: JsonPropertyName("lifeEvents")] IReadOnlyList<string>? LifeEvents,
    [property: JsonPropertyName("fields")] IReadOnlyList<string>? Fields,
    [property: JsonPropertyName("keywords")] IReadOnlyList<string>? Keywords,
    [property: JsonPropertyName("departments")] IReadOnlyList<string>? Departments,
    [property: JsonPropertyName("visibility")] string? Visibility);
