using ConversationHub.Faq.CommandLine;

namespace ConversationHub.Bot.Benchmark;

/// <summary>The parsed arguments of <c>bot load</c>.</summary>
/// <param name="WarmupSeconds">
/// Questions before the measured window, their rate rising from a tenth to the full rate, answered and then forgotten:
/// a freshly started server compiles its code and grows its thread pool on the first questions, which says nothing
/// about its steady state (the warm-up's own figures are printed as progress).
/// </param>
/// <param name="Channel">
/// <see cref="DirectLineChannel"/> (web chat over Direct Line and its sockets, with the echo ceiling) or
/// <see cref="LineChannel"/> (signed LINE webhooks in, reply and push calls out to a local LINE stand-in).
/// </param>
internal sealed record LoadArguments(int Conversations, int Rate, int DurationSeconds, string Provider, string? ConnectionString, string? QueriesPath, bool Json, int WarmupSeconds = 10, string Channel = LoadArguments.DirectLineChannel)
{
    public const string DirectLineChannel = "directline";
    public const string LineChannel = "line";

    public const string Usage =
        "usage: bot load [--channel directline|line] [--conversations 1000 (line: 100)] [--rate 100 (line: 20)] [--duration 30] [--warmup 10] [--provider sqlite|postgres] [--connection <PostgreSQL connection string>] [--queries <queries.json>] [--json]";

    /// <summary>Parses the arguments after <c>bot load</c>; on failure returns null and a message for the user.</summary>
    public static LoadArguments? TryParse(IReadOnlyList<string> args, out string? error)
    {
        var parsed = VerbArguments.TryParse(args, ["--channel", "--conversations", "--rate", "--duration", "--warmup", "--provider", "--connection", "--queries"], ["--json"], out error);
        if (parsed is null)
        {
            return null;
        }

        var channel = (parsed.Value("--channel") ?? DirectLineChannel).ToLowerInvariant();
        if (channel is not (DirectLineChannel or LineChannel))
        {
            error = $"--channel must be directline or line, not '{channel}'.";
            return null;
        }

        // A LINE citizen asks one question every few seconds, as people do: 100 citizens at 20 events/s.
        var line = channel == LineChannel;
        if (!parsed.TryInt("--conversations", 1, 20_000, line ? 100 : 1000, out var conversations, out error)
            || !parsed.TryInt("--rate", 1, 10_000, line ? 20 : 100, out var rate, out error)
            || !parsed.TryInt("--duration", 1, 3600, 30, out var duration, out error)
            || !parsed.TryInt("--warmup", 0, 600, 10, out var warmup, out error))
        {
            return null;
        }

        var provider = (parsed.Value("--provider") ?? "sqlite").ToLowerInvariant();
        var connection = parsed.Value("--connection") ?? Environment.GetEnvironmentVariable("HUB_LOAD_POSTGRES");
        if (provider is not ("sqlite" or "postgres"))
        {
            error = $"--provider must be sqlite or postgres, not '{provider}'.";
            return null;
        }

        if (provider == "postgres" && string.IsNullOrWhiteSpace(connection))
        {
            error = "--provider postgres needs --connection (or HUB_LOAD_POSTGRES) with a PostgreSQL connection string.";
            return null;
        }

        return new LoadArguments(conversations, rate, duration, provider, provider == "postgres" ? connection : null, parsed.Value("--queries"), parsed.Flag("--json"), warmup, channel);
    }
}
