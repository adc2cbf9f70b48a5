using ConversationHub.Core.Retention;

namespace ConversationHub.Core.Tests.Retention;

/// <summary>A retention run's day is the city's day: it turns at 0:00 in Japan (15:00 UTC), not at 0:00 UTC (9:00 in Japan).</summary>
public sealed class RetentionRunDayTests
{
    [Theory]
    [InlineData("2030-01-10T14:59:59Z", "2030-01-09T15:00:00Z")] // 23:59:59 JST on the 10th
    [InlineData("2030-01-10T15:00:00Z", "2030-01-10T15:00:00Z")] // 0:00 JST on the 11th
    [InlineData("2030-01-10T23:59:59Z", "2030-01-10T15:00:00Z")] // 8:59 JST on the 11th: a UTC day would still be the 10th
    [InlineData("2030-01-11T00:00:00Z", "2030-01-10T15:00:00Z")] // 9:00 JST: a UTC day would turn here
    public void DayStartOf_JapanMidnightAsUtc(string instant, string expectedStart)
    {
        var start = RetentionRun.DayStartOf(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateTimeOffset.Parse(expectedStart, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime, start);
        Assert.Equal(DateTimeKind.Utc, start.Kind);
    }
}
