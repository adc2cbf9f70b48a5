using System.Globalization;

namespace ConversationHub.Host.HandoffLoad;

/// <summary>The arguments of <c>handoff load</c>.</summary>
internal sealed record HandoffLoadArguments(int Agents, int Citizens, int Messages, int Rate, int Nodes, int ChatsPerAgent, string? ConnectionString, bool Json)
{
    public const string Usage =
        "usage: handoff load [--agents 50] [--citizens 500] [--messages 2] [--rate 50] [--chats-per-agent 10] " +
        "[--provider sqlite|postgres --connection \"<PostgreSQL connection string>\"] [--nodes 1|2] [--json]";

    public string Provider => ConnectionString is null ? "sqlite" : "postgres";

    public static HandoffLoadArguments? TryParse(IReadOnlyList<string> args, out string? error)
    {
        int agents = 50, citizens = 500, messages = 2, rate = 50, nodes = 1, chats = 10;
        string? provider = null, connection = null;
        error = LoadVerbArguments.Read(args, (name, value) => name switch
        {
            "--agents" => LoadVerbArguments.TryInt(value, 1, 1000, out agents),
            "--citizens" => LoadVerbArguments.TryInt(value, 1, 10_000, out citizens),
            "--messages" => LoadVerbArguments.TryInt(value, 0, 100, out messages),
            "--rate" => LoadVerbArguments.TryInt(value, 1, 1000, out rate),
            "--nodes" => LoadVerbArguments.TryInt(value, 1, 2, out nodes),
            "--chats-per-agent" => LoadVerbArguments.TryInt(value, 1, 50, out chats),
            "--provider" => (provider = value.ToLowerInvariant()) is "sqlite" or "postgres",
            "--connection" => (connection = value).Length > 0,
            _ => false,
        }, out var json) ?? LoadVerbArguments.CheckDatabase(provider, connection, nodes);
        if (error is not null)
        {
            return null;
        }

        return new HandoffLoadArguments(agents, citizens, messages, rate, nodes, chats, connection, json);
    }
}
