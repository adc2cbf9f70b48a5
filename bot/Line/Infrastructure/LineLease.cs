namespace ConversationHub.Bot.Line.Infrastructure;

/// <summary>
/// A time-limited claim by one node on a unit of work (a citizen's inbox, a conversation's outbox), so that with
/// several nodes on one database each event is processed once and in order. A crashed holder's lease expires.
/// </summary>
internal sealed class LineLease(string key, string holder, DateTime expiresAtUtc)
{
    public string Key { get; private set; } = key;

    public string Holder { get; set; } = holder;

    public DateTime ExpiresAtUtc { get; set; } = expiresAtUtc;
}
