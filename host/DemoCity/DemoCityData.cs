using System.Text.Json;
using ConversationHub.Faq.KnowledgeBase.Import;

namespace ConversationHub.Host.DemoCity;

/// <summary>The demo city's data files, embedded in the host assembly (DemoCity/Data).</summary>
internal static class DemoCityData
{
    public static Stream OpenDepartmentsCsv() => Open("departments.csv");

    public static async Task<FaqDocument> ReadFaqsAsync(CancellationToken cancellationToken)
    {
        await using var stream = Open("faqs.json");
        return await JsonSerializer.DeserializeAsync<FaqDocument>(stream, cancellationToken: cancellationToken)
            ?? throw new InvalidDataException("faqs.json is empty.");
    }

    /// <summary>Synonym groups of <c>synonyms.txt</c>: one group a line, members separated by '='.</summary>
    public static async Task<IReadOnlyList<string[]>> ReadSynonymsAsync(CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(Open("synonyms.txt"));
        var text = await reader.ReadToEndAsync(cancellationToken);
        return [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => !line.StartsWith('#'))
            .Select(line => line.Split('=', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];
    }

    private static Stream Open(string name) =>
        typeof(DemoCityData).Assembly.GetManifestResourceStream($"ConversationHub.Host.DemoCity.Data.{name}")
        ?? throw new InvalidOperationException($"Embedded demo data '{name}' is missing.");
}
