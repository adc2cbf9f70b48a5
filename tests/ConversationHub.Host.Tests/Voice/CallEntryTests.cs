using ConversationHub.Core.Calendar;
using ConversationHub.Core.Handoff;
using ConversationHub.VoiceBridge.Flows;

namespace ConversationHub.Host.Tests.Voice;

/// <summary>How a ringing call is met: the emergency switch, the end of service, the hours, congestion.</summary>
public sealed class CallEntryTests
{
    private static readonly PhoneLine Line = new() { Number = "+81312345678", MaxQueueLength = 3, MaxWait = TimeSpan.FromMinutes(5) };
    private static readonly HandoffCheck Quiet = new(HandoffAvailability.Available, 0, TimeSpan.FromSeconds(30));
    private static readonly DateTimeOffset MondayMorning = JapanTime.At(new DateOnly(2026, 12, 7), new TimeOnly(10, 0));

    [Fact]
    public void EmergencySwitch_ForwardsWhateverTheHours()
    {
        var entry = CallEntry.Decide(Line with { EmergencyForwardTo = "+81300000000" }, JapanTime.At(new DateOnly(2026, 12, 6), new TimeOnly(3, 0)), new OpenCalendar(false), Quiet);
        Assert.Equal(CallEntryKind.Forward, entry.Kind);
        Assert.Equal("+81300000000", entry.ForwardTo);
    }

    [Fact]
    public void AfterTheServiceEnds_TheCallerIsToldSo()
    {
        Assert.Equal(CallEntryKind.ServiceEnded, CallEntry.Decide(Line with { ServiceEndsOn = new DateOnly(2026, 12, 6) }, MondayMorning, new OpenCalendar(true), Quiet).Kind);
        Assert.Equal(CallEntryKind.Open, CallEntry.Decide(Line with { ServiceEndsOn = new DateOnly(2026, 12, 7) }, MondayMorning, new OpenCalendar(true), Quiet).Kind);
    }

    [Fact]
    public void Closed_TellsTheNextOpening()
    {
        var entry = CallEntry.Decide(Line, MondayMorning, new OpenCalendar(false), Quiet);
        Assert.Equal(CallEntryKind.Closed, entry.Kind);
        Assert.Equal(MondayMorning.AddHours(22), entry.NextOpening);
    }

    [Theory]
    [InlineData(HandoffAvailability.Available, 0, 60, true, false)]
    [InlineData(HandoffAvailability.Available, 3, 60, false, true)]
    [InlineData(HandoffAvailability.Available, 1, 600, false, true)]
    [InlineData(HandoffAvailability.Congested, 0, 60, false, true)]
    [InlineData(HandoffAvailability.NoAgents, 0, 60, false, false)]
    public void Open_OffersTheOperatorOnlyWhenOneCanTakeTheCall(HandoffAvailability availability, int waiting, int waitSeconds, bool offered, bool congested)
    {
        var entry = CallEntry.Decide(Line, MondayMorning, new OpenCalendar(true), new HandoffCheck(availability, waiting, TimeSpan.FromSeconds(waitSeconds)));
        Assert.Equal(CallEntryKind.Open, entry.Kind);
        Assert.Equal(offered, entry.OperatorOffered);
        Assert.Equal(congested, entry.Congested);
    }

    private sealed class OpenCalendar(bool open) : IBusinessCalendar
    {
        public CalendarDay GetDay(DateOnly day) => throw new NotSupportedException();

        public DayHours? GetHours(DateOnly day) => null;

        public bool IsOpen(DateTimeOffset instant) => open;

        public bool IsOpenNow() => open;

        public DateTimeOffset? GetNextOpening(DateTimeOffset from) => from.AddHours(22);

        public TimeSpan? GetTimeUntilClose(DateTimeOffset instant) => null;
    }
}
