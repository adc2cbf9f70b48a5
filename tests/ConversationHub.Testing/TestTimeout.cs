namespace ConversationHub.Testing;

/// <summary>A per-test cancellation token (xunit 2.9 has no TestContext token): hung I/O fails the test instead of hanging CI.</summary>
public static class TestTimeout
{
    public static CancellationToken Token(int seconds = 60) => new CancellationTokenSource(TimeSpan.FromSeconds(seconds)).Token;
}
