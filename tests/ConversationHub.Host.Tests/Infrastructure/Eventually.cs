namespace ConversationHub.Host.Tests.Infrastructure;

/// <summary>Waits for background work to show its effect, polling until the condition holds or the token ends.</summary>
public static class Eventually
{
    public static async Task<T> UntilAsync<T>(Func<Task<T?>> probe, string what, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(probe);
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            try
            {
                await Task.Delay(100, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException("Timed out waiting for " + what);
            }
        }
    }

    public static Task<T> UntilAsync<T>(Func<T?> probe, string what, CancellationToken cancellationToken)
        where T : class =>
        UntilAsync(() => Task.FromResult(probe()), what, cancellationToken);
}
