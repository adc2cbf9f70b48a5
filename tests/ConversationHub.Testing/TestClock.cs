namespace ConversationHub.Testing;

/// <summary>A clock that stands still at <c>now</c> (UTC) until a test moves it with <see cref="Advance"/>.</summary>
public sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    private DateTimeOffset _now = now.ToUniversalTime();

    public void Advance(TimeSpan by) => _now += by;

    public override DateTimeOffset GetUtcNow() => _now;
}
