namespace ConversationHub.Core.Persistence;

/// <summary>Set once start-up migrations and seeding have finished on this node.</summary>
internal sealed class DatabaseReadiness
{
    private volatile bool _started;

    public bool IsStarted => _started;

    public void MarkStarted() => _started = true;
}
