namespace ConversationHub.Core.Persistence;

/// <summary>A module context whose migrations the host applies at start-up, in registration order.</summary>
public interface IMigratableContext
{
    /// <summary>The context type, for messages.</summary>
    Type ContextType { get; }

    /// <summary>Applies pending migrations.</summary>
    Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken);

    /// <summary>Migrations defined in code but not yet applied to the database.</summary>
    Task<IReadOnlyList<string>> GetPendingMigrationsAsync(IServiceProvider services, CancellationToken cancellationToken);
}
