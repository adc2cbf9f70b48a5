using System.Globalization;

namespace ConversationHub.Bot.Engine;

/// <summary>This process as the owner of turn leases: unique per start, and readable in the database (host/pid/start).</summary>
internal sealed class BotNode
{
    public string Id { get; } = string.Create(
        CultureInfo.InvariantCulture,
        $"{Environment.MachineName[..Math.Min(20, Environment.MachineName.Length)]}/{Environment.ProcessId}/{Guid.NewGuid():N}");
}
