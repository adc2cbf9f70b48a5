namespace ConversationHub.Handoff.Routing;

/// <summary>A named lease that one node holds at a time (the router), taken and renewed by conditional writes.</summary>
public sealed class HandoffLease
{
    // For EF Core.
    private HandoffLease()
    {
        Key = "";
        Holder = "";
    }

    /// <summary>Creates a lease row.</summary>
    public HandoffLease(string key, string holder, DateTime expiresAtUtc)
    {
        Key = key;
        Holder = holder;
        ExpiresAtUtc = expiresAtUtc;
    }

    /// <summary>The lease's name.</summary>
    public string Key { get; private set; }

    /// <summary>The node holding it.</summary>
    public string Holder { get; set; }

    /// <summary>When it runs out (UTC).</summary>
    public DateTime ExpiresAtUtc { get; set; }
}
