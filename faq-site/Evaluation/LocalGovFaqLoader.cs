using System.Text.Json;
using ConversationHub.Faq.Search.Index;

namespace ConversationHub.Faq.Evaluation;

/// <summary>
/// Reads the JSON form of the localgovFAQ set (../shared/datasets/localgovfaq/PROVENANCE.md): corpus
/// <c>{id: "Question: Q\nAnswer: A\n"}</c>, queries <c>{qid: text}</c>, qrels <c>{qid: {faq_id: grade}}</c>.
/// Only queries with at least one judgement are kept.
/// </summary>
internal static class LocalGovFaqLoader
{
    private const string QuestionPrefix = "Question: ";
    private const string AnswerSeparator = "\nAnswer: ";

    // The dataset marks line breaks inside answers with a full-width ＜改＞.
    private const string LineBreakMarker = "＜改＞";

    public static async Task<EvalDataset> LoadAsync(
        string corpusPath, string queriesPath, string qrelsPath, CancellationToken cancellationToken)
    {
        var corpus = await ReadJsonAsync<Dictionary<string, string>>(corpusPath, cancellationToken);
        var queries = await ReadJsonAsync<Dictionary<string, string>>(queriesPath, cancellationToken);
        var qrels = await ReadJsonAsync<Dictionary<string, Dictionary<string, int>>>(qrelsPath, cancellationToken);

        var documents = new List<SearchDocument>(corpus.Count);
        foreach (var (id, text) in corpus)
            documents.Add(ParseEntry(id, text));

        var evalQueries = new List<EvalQuery>(queries.Count);
        foreach (var (id, text) in queries)
        {
            if (qrels.TryGetValue(id, out var judgements) && judgements.Count > 0)
                evalQueries.Add(new EvalQuery(id, text, judgements));
        }

        return new EvalDataset(documents, evalQueries);
    }

    /// <summary>Splits one corpus entry into question and answer; an entry without the markers is all question.</summary>
    internal static SearchDocument ParseEntry(string id, string text)
    {
        var body = text.StartsWith(QuestionPrefix, StringComparison.Ordinal) ? text[QuestionPrefix.Length..] : text;
        var split = body.IndexOf(AnswerSeparator, StringComparison.Ordinal);
        var question = split < 0 ? body : body[..split];
        var answer = split < 0 ? string.Empty : body[(split + AnswerSeparator.Length)..];
        return new SearchDocument(id, Clean(question), Clean(answer));
    }

    private static string Clean(string text) => text.Replace(LineBreakMarker, "\n", StringComparison.Ordinal).Trim();

    private static async Task<T> ReadJsonAsync<T>(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<T>(stream, cancellationToken: cancellationToken)
            ?? throw new InvalidDataException($"{path} holds JSON null.");
    }
}
