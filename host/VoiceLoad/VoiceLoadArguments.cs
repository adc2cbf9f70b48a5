using System.Globalization;

namespace ConversationHub.Host.VoiceLoad;

/// <summary>The arguments of <c>voice load</c>.</summary>
internal sealed record VoiceLoadArguments(int Calls, int Nodes, string? ConnectionString, bool Json)
{
    public const string Usage =
        "usage: voice load [--calls 200] [--provider sqlite|postgres --connection \"<PostgreSQL connection string>\"] [--nodes 1|2] [--json]";

    public string Provider => ConnectionString is null ? "sqlite" : "postgres";

    public static VoiceLoadArguments? TryParse(IReadOnlyList<string> args, out string? error)
    {
        int calls = 200, nodes = 1;
        string? provider = null, connection = null;
        error = LoadVerbArguments.Read(args, (name, value) => name switch
        {
            "--calls" => LoadVerbArguments.TryInt(value, 1, 5000, out calls),
            "--nodes" => LoadVerbArguments.TryInt(value, 1, 2, out nodes),
            "--provider" => (provider = value.ToLowerInvariant()) is "sqlite" or "postgres",
            "--connection" => (connection = value).Length > 0,
            _ => false,
        }, out var json) ?? LoadVerbArguments.CheckDatabase(provider, connection, nodes);
        if (error is not null)
        {
            return null;
        }

        return new VoiceLoadArguments(calls, nodes, connection, json);
    }
}
