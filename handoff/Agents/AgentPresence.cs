namespace ConversationHub.Handoff.Agents;

/// <summary>An agent's state as the center shows it. Stored as its name.</summary>
public enum AgentStatus
{
    /// <summary>オフライン: signed out of the queue; gets no offers.</summary>
    Offline,

    /// <summary>受付可: takes offers up to the agent's maximum of concurrent chats.</summary>
    Available,

    /// <summary>離席 (休憩, 後処理, 研修 …): keeps current chats, gets no new offers.</summary>
    Away,
}

/// <summary>
/// One agent's presence and routing profile (one row per agent, made on first use). The database row is the truth
/// every node routes from; nodes keep nothing of it in memory.
/// </summary>
public sealed class AgentPresence
{
    // For EF Core.
    private AgentPresence()
    {
    }

    /// <summary>Creates an offline agent with the default profile.</summary>
    public AgentPresence(Guid agentId, DateTime nowUtc)
    {
        AgentId = agentId;
        Status = AgentStatus.Offline;
        StatusSinceUtc = nowUtc;
        IdleSinceUtc = nowUtc;
    }

    /// <summary>The staff user's id.</summary>
    public Guid AgentId { get; private set; }

    /// <summary>受付可, 離席 or オフライン.</summary>
    public AgentStatus Status { get; set; }

    /// <summary>The reason code of 離席 (<c>break</c>, <c>wrap_up</c>, <c>training</c> …), null otherwise.</summary>
    public string? AwayReason { get; set; }

    /// <summary>Since when the status holds (UTC).</summary>
    public DateTime StatusSinceUtc { get; set; }

    /// <summary>
    /// Since when the agent has waited for work (UTC): set on becoming available and when a chat ends or an offer is
    /// made. Routing offers to the agent idle longest, so work is shared fairly.
    /// </summary>
    public DateTime IdleSinceUtc { get; set; }

    /// <summary>The agent's own limit of concurrent chats; null uses the center's setting.</summary>
    public int? MaxChats { get; set; }

    /// <summary>FAQ categories the agent takes, separated by '|'; empty takes every category.</summary>
    public string Categories { get; set; } = "";

    /// <summary>Languages the agent takes (BCP 47 primary tags separated by '|'); empty takes Japanese only.</summary>
    public string Languages { get; set; } = "ja";

    /// <summary>
    /// Where a phone call the agent accepts is connected: the agent's desk phone (E.164, <c>+81…</c>) or ACS identity
    /// (<c>8:acs:…</c>); null when the agent takes no calls (routing then offers the agent chats only).
    /// </summary>
    public string? PhoneTarget { get; set; }

    /// <summary>Whether a call can be connected to the agent.</summary>
    public bool TakesCalls => !string.IsNullOrEmpty(PhoneTarget);

    /// <summary>When the agent's last console connection closed (UTC); null while one is open.</summary>
    public DateTime? DisconnectedAtUtc { get; set; }

    /// <summary>Whether <paramref name="category"/> is one the agent names (a team member, not a generalist).</summary>
    public bool Names(string? category) =>
        category is not null && Categories.Split('|', StringSplitOptions.RemoveEmptyEntries).Contains(category, StringComparer.Ordinal);

    /// <summary>Whether the agent takes conversations of <paramref name="category"/> in <paramref name="language"/>.</summary>
    public bool HasSkill(string? category, string language)
    {
        var languages = string.IsNullOrEmpty(Languages) ? ["ja"] : Languages.Split('|', StringSplitOptions.RemoveEmptyEntries);
        if (!languages.Contains(language, StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }

        return string.IsNullOrEmpty(Categories) || category is null
            || Categories.Split('|', StringSplitOptions.RemoveEmptyEntries).Contains(category, StringComparer.Ordinal);
    }
}
