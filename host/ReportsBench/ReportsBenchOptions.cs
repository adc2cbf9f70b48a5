namespace ConversationHub.Host.ReportsBench;

/// <summary>
/// <c>reports bench</c>'s arguments: the scale (a large city's year by default: 500,000 conversations, of which 100,000
/// calls, 10 messages each, and 50,000 cases), the database, runs per report and whether to time the pages over HTTP.
/// </summary>
internal sealed record ReportsBenchOptions(int Conversations, int Runs, bool Json, bool Http, string Provider, string? Connection, int FoldBatch)
{
    /// <summary>Messages per conversation (5 million for 500,000 conversations).</summary>
    public const int MessagesPerConversation = 10;

    /// <summary>Phone calls: one conversation in five (100,000 of 500,000).</summary>
    public int Calls => Conversations / 5;

    /// <summary>Cases: one per ten conversations (50,000 of 500,000).</summary>
    public int Cases => Conversations / 10;

    /// <summary>Messages in all.</summary>
    public long Messages => (long)Conversations * MessagesPerConversation;

    /// <summary>Parses the arguments, or says why not.</summary>
    public static ReportsBenchOptions? Parse(string[] args, out string? error)
    {
        var (conversations, runs, http, provider, connection, batch) = (500_000, 5, true, "sqlite", (string?)null, 5000);
        error = LoadVerbArguments.Read(args, (name, value) => name switch
        {
            "--conversations" => LoadVerbArguments.TryInt(value, 100, 5_000_000, out conversations),
            "--runs" => LoadVerbArguments.TryInt(value, 1, 100, out runs),
            "--http" => bool.TryParse(value, out http),
            "--provider" => (provider = value) is "sqlite" or "postgres",
            "--connection" => (connection = value) is not null,
            "--fold-batch" => LoadVerbArguments.TryInt(value, 100, 100_000, out batch),
            _ => false,
        }, out var json) ?? LoadVerbArguments.CheckDatabase(provider, connection, 1);
        return error is null ? new ReportsBenchOptions(conversations, runs, json, http, provider, connection, batch) : null;
    }

    /// <summary>The arguments <see cref="BenchHost"/> reads.</summary>
    public string[] HostArguments => Connection is null ? ["--provider", Provider] : ["--provider", Provider, "--connection", Connection];
}
