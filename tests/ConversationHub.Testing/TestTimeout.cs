namespace ConversationHub.Testing;

/// <summary>A per-test cancellation token (xunit 2.9 has no TestContext token): hung I/O fails the test instead of hanging CI.</summary>
public static class TestTimeout
{
    /// <summary>
    /// The guard is for hangs, not for speed (speed is measured by the bench commands): <paramref name="seconds"/> is what
    /// a test needs on a quiet machine, and the token allows three times that, because CI's two cores run three test
    /// assemblies and Chromium side by side, and a training or browser test there has taken more than twice as long.
    /// </summary>
    public static CancellationToken Token(int seconds = 60) => new CancellationTokenSource(TimeSpan.FromSeconds(seconds * LoadAllowance)).Token;

    private const int LoadAllowance = 3;
}
