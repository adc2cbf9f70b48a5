using System.Text.Json;
using ConversationHub.Faq.Evaluation;
using ConversationHub.Faq.Search.Index;

namespace ConversationHub.Faq.Tests.Ranking.Training;

/// <summary>
/// A corpus where first-stage BM25F is misled on purpose: for each topic, the right FAQ names the topic's two
/// words once in its short question, and a decoy repeats them in a long answer under an unrelated question.
/// Queries name the topic's words; only the right FAQ is judged (grade 2).
/// </summary>
internal static class SyntheticFaqCorpus
{
    private const string Katakana = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモラリルレロ";

    public static EvalDataset Create(int topics, int seed)
    {
        var random = new Random(seed);
        string Word() => string.Concat(Enumerable.Range(0, 3).Select(_ => Katakana[random.Next(Katakana.Length)]));
        var documents = new List<SearchDocument>();
        var queries = new List<EvalQuery>();
        for (var t = 0; t < topics; t++)
        {
            var (first, second) = (Word(), Word());
            var right = $"r{t}";
            documents.Add(new SearchDocument(right, $"{first}と{second}について", "詳しくは担当窓口にお問い合わせください。"));
            var repeated = string.Join("。", Enumerable.Repeat($"{first}と{second}", 4));
            documents.Add(new SearchDocument($"d{t}", $"{Word()}と{Word()}について", $"{repeated}。{Word()}もあります。"));
            queries.Add(new EvalQuery($"q{t}", $"{first}と{second}を知りたい", new Dictionary<string, int> { [right] = 2 }));
        }

        return new EvalDataset(documents, queries);
    }

    /// <summary>Writes the dataset as localgovFAQ JSON files (corpus, queries, qrels) into <paramref name="directory"/>.</summary>
    public static void WriteLocalGovFaq(EvalDataset dataset, string directory)
    {
        File.WriteAllText(Path.Combine(directory, "corpus.json"), JsonSerializer.Serialize(
            dataset.Documents.ToDictionary(d => d.Id, d => $"Question: {d.Question}\nAnswer: {d.Answer}\n")));
        File.WriteAllText(Path.Combine(directory, "queries.json"), JsonSerializer.Serialize(dataset.Queries.ToDictionary(q => q.Id, q => q.Text)));
        File.WriteAllText(Path.Combine(directory, "qrels.json"), JsonSerializer.Serialize(dataset.Queries.ToDictionary(q => q.Id, q => q.Judgements)));
    }
}
