using System.Text;
using ConversationHub.Faq.Search.Index;
using Microsoft.Data.Sqlite;

namespace ConversationHub.Faq.Evaluation;

/// <summary>
/// The baseline: SQLite FTS5 with its trigram tokenizer over question and answer, in memory, ranked by
/// FTS5's bm25(). A query becomes the OR of its distinct trigrams; a query of fewer than three characters,
/// which the trigram tokenizer cannot match, falls back to a substring scan.
/// </summary>
internal sealed class SqliteFts5Engine : IRetrievalEngine
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public string Name => "sqlite-fts5";

    public void Build(IReadOnlyList<SearchDocument> documents)
    {
        _connection.Open();
        Execute("CREATE VIRTUAL TABLE faq USING fts5(id UNINDEXED, question, answer, tokenize='trigram')");
        using var transaction = _connection.BeginTransaction();
        using var insert = _connection.CreateCommand();
        insert.CommandText = "INSERT INTO faq (id, question, answer) VALUES ($id, $question, $answer)";
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        var question = insert.Parameters.Add("$question", SqliteType.Text);
        var answer = insert.Parameters.Add("$answer", SqliteType.Text);
        foreach (var document in documents)
        {
            id.Value = document.Id;
            question.Value = document.Question;
            answer.Value = document.Answer;
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    public IReadOnlyList<string> Search(string query, int top)
    {
        var compact = Compact(query);
        using var command = _connection.CreateCommand();
        if (compact.Length < 3)
        {
            if (compact.Length == 0)
                return [];
            command.CommandText =
                "SELECT id FROM faq WHERE instr(question, $q) > 0 OR instr(answer, $q) > 0 ORDER BY rowid LIMIT $k";
            command.Parameters.AddWithValue("$q", compact);
        }
        else
        {
            command.CommandText = "SELECT id FROM faq WHERE faq MATCH $q ORDER BY bm25(faq) LIMIT $k";
            command.Parameters.AddWithValue("$q", TrigramQuery(compact));
        }

        command.Parameters.AddWithValue("$k", top);
        var ids = new List<string>(top);
        using var reader = command.ExecuteReader();
        while (reader.Read())
            ids.Add(reader.GetString(0));
        return ids;
    }

    public void Dispose() => _connection.Dispose();

    /// <summary>The query without whitespace and punctuation, which would only make trigrams that match nothing useful.</summary>
    private static string Compact(string query)
    {
        var builder = new StringBuilder(query.Length);
        foreach (var c in query)
        {
            if (char.IsLetterOrDigit(c))
                builder.Append(c);
        }

        return builder.ToString();
    }

    private static string TrigramQuery(string compact)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var builder = new StringBuilder();
        for (var i = 0; i + 3 <= compact.Length; i++)
        {
            var trigram = compact.Substring(i, 3);
            if (!seen.Add(trigram))
                continue;
            if (builder.Length > 0)
                builder.Append(" OR ");
            builder.Append('"').Append(trigram.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        }

        return builder.ToString();
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
