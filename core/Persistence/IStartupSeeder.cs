namespace ConversationHub.Core.Persistence;

/// <summary>Fills data after migrations at start-up (the demo city). Must be idempotent.</summary>
public interface IStartupSeeder
{
    /// <summary>Lower runs first.</summary>
    int Order { get; }

    /// <summary>Seeds what is missing; does nothing when the data is already there.</summary>
    Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken);
}
