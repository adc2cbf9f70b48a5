namespace ConversationHub.Core.ContactEvents.Rollup;

/// <summary>
/// The roll-up's one row. Each pass updates it first, in its transaction: PostgreSQL holds the row's lock until the pass
/// commits, so of several nodes one folds at a time (SQLite has one writer anyway).
/// </summary>
public sealed class ContactRollupState
{
    /// <summary>The one row's id.</summary>
    public const int SingletonId = 1;

    /// <summary>Always <see cref="SingletonId"/>.</summary>
    public int Id { get; private set; }

    /// <summary>Passes run (each one takes the lock by incrementing it).</summary>
    public long Passes { get; private set; }

    /// <summary>Events folded so far.</summary>
    public long FoldedEvents { get; private set; }
}
