namespace ConversationHub.Core.Retention;

/// <summary>Shares one batch of a policy among the tables it expires.</summary>
public static class RetentionBatch
{
    /// <summary>
    /// Runs <paramref name="steps"/> in order, each given how many rows are left of <paramref name="batchSize"/>, and
    /// stops once the batch is full; returns the rows all steps handled.
    /// </summary>
    public static async Task<int> InTurnAsync(int batchSize, params IReadOnlyList<Func<int, Task<int>>> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var handled = 0;
        foreach (var step in steps)
        {
            if (handled >= batchSize)
            {
                break;
            }

            handled += await step(batchSize - handled);
        }

        return handled;
    }
}
