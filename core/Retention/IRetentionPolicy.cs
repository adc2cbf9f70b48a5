namespace ConversationHub.Core.Retention;

/// <summary>
/// One kind of data that expires (issue 18). Each module implements it for the tables it owns and registers it as a
/// scoped service; core's daily retention job runs every registered policy, so core never references the modules.
/// </summary>
public interface IRetentionPolicy
{
    /// <summary>The kind of data, one of <see cref="RetentionKinds"/>: names the period in <see cref="RetentionOptions"/> and the recorded run.</summary>
    string Kind { get; }

    /// <summary>
    /// Deletes or anonymises at most <paramref name="batchSize"/> expired rows (older than <paramref name="cutoffUtc"/>)
    /// in one transaction and returns how many. Rows already handled are not counted again, so a result below
    /// <paramref name="batchSize"/> means nothing expired is left.
    /// </summary>
    Task<int> ApplyBatchAsync(DateTime cutoffUtc, int batchSize, CancellationToken cancellationToken);

    /// <summary>
    /// How many rows <see cref="ApplyBatchAsync"/> would delete or anonymise for <paramref name="cutoffUtc"/>, changing
    /// nothing (<c>admin retention run --dry-run</c>).
    /// </summary>
    Task<long> CountExpiredAsync(DateTime cutoffUtc, CancellationToken cancellationToken);
}
