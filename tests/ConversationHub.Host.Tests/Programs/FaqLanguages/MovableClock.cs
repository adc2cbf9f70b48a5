namespace ConversationHub.Host.Tests.Programs.FaqLanguages;

/// <summary>The system clock moved by an offset the test changes: time still passes, and a test can jump past a program's end.</summary>
internal sealed class MovableClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
        set => Interlocked.Exchange(ref _offsetTicks, value.Ticks);
    }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}
