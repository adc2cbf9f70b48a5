namespace ConversationHub.Handoff.Agents;

/// <summary>
/// One open console connection (a SignalR connection) of an agent on some node. The node refreshes
/// <see cref="SeenAtUtc"/> while the connection lives, so the rows of a node that died go stale and stop counting.
/// </summary>
public sealed class AgentConnection
{
    // For EF Core.
    private AgentConnection()
    {
        ConnectionId = "";
        NodeId = "";
    }

    /// <summary>Creates the row of a new connection.</summary>
    public AgentConnection(string connectionId, Guid agentId, string nodeId, DateTime nowUtc)
    {
        ConnectionId = connectionId;
        AgentId = agentId;
        NodeId = nodeId;
        ConnectedAtUtc = nowUtc;
        SeenAtUtc = nowUtc;
    }

    /// <summary>SignalR's connection id.</summary>
    public string ConnectionId { get; private set; }

    /// <summary>The agent.</summary>
    public Guid AgentId { get; private set; }

    /// <summary>The node holding the connection.</summary>
    public string NodeId { get; private set; }

    /// <summary>When it opened (UTC).</summary>
    public DateTime ConnectedAtUtc { get; private set; }

    /// <summary>Last refresh by its node (UTC).</summary>
    public DateTime SeenAtUtc { get; set; }
}
