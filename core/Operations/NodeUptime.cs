namespace ConversationHub.Core.Operations;

/// <summary>
/// One run of one node, from start to its last heartbeat (or its clean stop): the platform's own record of when it
/// was up, from which the availability figure of the monthly report is computed.
/// </summary>
public sealed class NodeUptime
{
    /// <summary>Creates the record of a run that starts now.</summary>
    public NodeUptime(string nodeId, DateTime startedAtUtc)
    {
        Id = Guid.CreateVersion7();
        NodeId = nodeId;
        StartedAtUtc = startedAtUtc;
        LastSeenAtUtc = startedAtUtc;
    }

    /// <summary>The run's id.</summary>
    public Guid Id { get; private set; }

    /// <summary>The node (<see cref="Events.IHubEvents.NodeId"/>).</summary>
    public string NodeId { get; private set; }

    /// <summary>When the node started serving.</summary>
    public DateTime StartedAtUtc { get; private set; }

    /// <summary>The latest heartbeat.</summary>
    public DateTime LastSeenAtUtc { get; set; }

    /// <summary>When the node stopped cleanly; null while it runs or when it died.</summary>
    public DateTime? StoppedAtUtc { get; set; }
}
