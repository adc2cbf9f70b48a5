using System.Globalization;
using ConversationHub.Core.Calendar;
using Microsoft.Extensions.Options;
using ConversationHub.Testing;

namespace ConversationHub.Core.Tests.Calendar;

public sealed class BusinessCalendarTests
{
    private static readonly TimeSpan Jst = TimeSpan.FromHours(9);

    private static BusinessCalendar Create(Action<BusinessCalendarOptions>? configure = null, DateTimeOffset? now = null)
    {
        var options = new BusinessCalendarOptions();
        configure?.Invoke(options);
        return new BusinessCalendar(Options.Create(options), new TestClock(now ?? DateTimeOffset.UnixEpoch));
    }

    private static DateTimeOffset At(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, Jst);

    [Fact]
    public void GetDay_Weekday_ReturnsDefaultHours()
    {
        // Act
        var day = Create().GetDay(new DateOnly(2026, 6, 10));

        // Assert
        Assert.True(day.IsOpen);
        Assert.Equal(new TimeOnly(8, 30), day.Hours!.Opens);
        Assert.Equal(new TimeOnly(17, 15), day.Hours.Closes);
        Assert.Null(day.Hours.Note);
    }

    [Theory]
    [InlineData(2026, 6, 13, "休業日")] // Saturday
    [InlineData(2026, 7, 20, "海の日")]
    [InlineData(2026, 9, 22, "国民の休日")]
    [InlineData(2026, 12, 29, "年末年始")]
    [InlineData(2027, 1, 1, "年末年始")]
    [InlineData(2027, 1, 3, "年末年始")]
    public void GetDay_ClosedDays_ReturnsReason(int year, int month, int dayOfMonth, string reason)
    {
        // Act
        var day = Create().GetDay(new DateOnly(year, month, dayOfMonth));

        // Assert
        Assert.False(day.IsOpen);
        Assert.Equal(reason, day.ClosedReason);
    }

    [Fact]
    public void GetDay_YearEndClosureOff_WeekdaysOpenAndHolidaysClosed()
    {
        // Arrange
        var calendar = Create(o => o.YearEndClosure = false);

        // Act
        var december29 = calendar.GetDay(new DateOnly(2026, 12, 29));
        var newYear = calendar.GetDay(new DateOnly(2027, 1, 1));

        // Assert
        Assert.True(december29.IsOpen);
        Assert.Equal("元日", newYear.ClosedReason);
    }

    [Fact]
    public void GetDay_ClosureOnExtraDay_ClosureWins()
    {
        // Arrange
        var calendar = Create(o =>
        {
            o.Closures.Add(new CalendarClosureOptions { Date = "2027-03-28", Reason = "システム保守" });
            o.ExtraDays.Add(new CalendarExtraDayOptions { Date = "2027-03-28", Hours = "09:00-12:00" });
        });

        // Act
        var day = calendar.GetDay(new DateOnly(2027, 3, 28));

        // Assert
        Assert.Equal("システム保守", day.ClosedReason);
    }

    [Fact]
    public void GetDay_ClosureWithoutReason_ReportsTemporaryClosure()
    {
        // Arrange
        var calendar = Create(o => o.Closures.Add(new CalendarClosureOptions { Date = "2026-06-10" }));

        // Act
        var day = calendar.GetDay(new DateOnly(2026, 6, 10));

        // Assert
        Assert.Equal("臨時休業", day.ClosedReason);
    }

    [Theory]
    [InlineData("2027-03-28")] // Sunday
    [InlineData("2026-07-20")] // 海の日
    [InlineData("2026-12-29")] // 年末年始
    public void GetDay_ExtraDay_BeatsWeekendHolidayAndYearEnd(string date)
    {
        // Arrange
        var calendar = Create(o => o.ExtraDays.Add(new CalendarExtraDayOptions { Date = date, Hours = "09:00-12:00", Reason = "休日開庁" }));

        // Act
        var hours = calendar.GetHours(DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture));

        // Assert
        Assert.NotNull(hours);
        Assert.Equal(new TimeOnly(9, 0), hours.Opens);
        Assert.Equal(new TimeOnly(12, 0), hours.Closes);
        Assert.Equal("休日開庁", hours.Note);
    }

    [Theory]
    [InlineData(2026, 6, 14, true)] // second Sunday of June
    [InlineData(2026, 6, 7, false)]
    [InlineData(2026, 6, 21, false)]
    public void GetDay_SecondSundayRule_OpensOnlyOnSecondSunday(int year, int month, int dayOfMonth, bool open)
    {
        // Arrange
        var calendar = Create(o => o.RecurringExtraDays.Add(new RecurringExtraDayOptions
        {
            Week = WeekOfMonth.Second, DayOfWeek = DayOfWeek.Sunday, Hours = "09:00-12:00", Reason = "第2日曜日開庁",
        }));

        // Act
        var day = calendar.GetDay(new DateOnly(year, month, dayOfMonth));

        // Assert
        Assert.Equal(open, day.IsOpen);
        Assert.Equal(open ? "第2日曜日開庁" : null, day.Hours?.Note);
    }

    [Theory]
    [InlineData(2026, 5, 30, true)] // May 2026 has five Saturdays; the 30th is the last
    [InlineData(2026, 5, 23, false)]
    [InlineData(2026, 2, 28, true)]
    public void GetDay_LastSaturdayRule_OpensOnLastSaturday(int year, int month, int dayOfMonth, bool open)
    {
        // Arrange
        var calendar = Create(o => o.RecurringExtraDays.Add(new RecurringExtraDayOptions
        {
            Week = WeekOfMonth.Last, DayOfWeek = DayOfWeek.Saturday, Hours = "09:00-12:00",
        }));

        // Act
        var day = calendar.GetDay(new DateOnly(year, month, dayOfMonth));

        // Assert
        Assert.Equal(open, day.IsOpen);
    }

    [Theory]
    [InlineData(false, false, "憲法記念日")]
    [InlineData(true, true, null)]
    public void GetDay_RecurringDayOnHoliday_OpensOnlyWhenRuleAllows(bool openOnHolidays, bool open, string? reason)
    {
        // Arrange: 2026-05-03 is the first Sunday of May and 憲法記念日.
        var calendar = Create(o => o.RecurringExtraDays.Add(new RecurringExtraDayOptions
        {
            Week = WeekOfMonth.First, DayOfWeek = DayOfWeek.Sunday, Hours = "09:00-12:00", OpenOnHolidays = openOnHolidays,
        }));

        // Act
        var day = calendar.GetDay(new DateOnly(2026, 5, 3));

        // Assert
        Assert.Equal(open, day.IsOpen);
        Assert.Equal(reason, day.ClosedReason);
    }

    [Fact]
    public void GetDay_RecurringDayInYearEnd_StaysClosed()
    {
        // Arrange: 2027-01-03 is the first Sunday of January.
        var calendar = Create(o => o.RecurringExtraDays.Add(new RecurringExtraDayOptions
        {
            Week = WeekOfMonth.First, DayOfWeek = DayOfWeek.Sunday, Hours = "09:00-12:00", OpenOnHolidays = true,
        }));

        // Act
        var day = calendar.GetDay(new DateOnly(2027, 1, 3));

        // Assert
        Assert.Equal("年末年始", day.ClosedReason);
    }

    [Theory]
    [InlineData(8, 29, false)]
    [InlineData(8, 30, true)]
    [InlineData(17, 14, true)]
    [InlineData(17, 15, false)]
    public void IsOpen_AroundOpeningHours_OpenFromStartUntilBeforeEnd(int hour, int minute, bool open)
    {
        // Act
        var isOpen = Create().IsOpen(At(2026, 6, 10, hour, minute));

        // Assert
        Assert.Equal(open, isOpen);
    }

    [Fact]
    public void IsOpen_UtcInstant_UsesJapanTime()
    {
        // Arrange: 2026-06-09 23:30 UTC is Wednesday 2026-06-10 08:30 in Japan.
        var instant = new DateTimeOffset(2026, 6, 9, 23, 30, 0, TimeSpan.Zero);

        // Act
        var isOpen = Create().IsOpen(instant);

        // Assert
        Assert.True(isOpen);
    }

    [Fact]
    public void IsOpenNow_TimeProviderDuringHours_ReturnsTrue()
    {
        // Arrange
        var calendar = Create(now: At(2026, 6, 10, 10));

        // Act & Assert
        Assert.True(calendar.IsOpenNow());
        Assert.False(Create(now: At(2026, 6, 13, 10)).IsOpenNow());
    }

    [Fact]
    public void GetNextOpening_BeforeOpening_ReturnsSameDayOpening()
    {
        // Act
        var next = Create().GetNextOpening(At(2026, 6, 10, 7));

        // Assert
        Assert.Equal(At(2026, 6, 10, 8, 30), next);
        Assert.Equal(Jst, next!.Value.Offset);
    }

    [Fact]
    public void GetNextOpening_WhileOpen_ReturnsFrom()
    {
        // Arrange
        var from = new DateTimeOffset(2026, 6, 10, 3, 0, 0, TimeSpan.Zero); // 12:00 in Japan

        // Act
        var next = Create().GetNextOpening(from);

        // Assert
        Assert.Equal(from, next);
    }

    [Fact]
    public void GetNextOpening_SilverWeek2026_SkipsFiveDaysOff()
    {
        // Arrange: Sat 9/19, Sun 9/20, 敬老の日 9/21, 国民の休日 9/22, 秋分の日 9/23.
        var fridayEvening = At(2026, 9, 18, 17, 15);

        // Act
        var next = Create().GetNextOpening(fridayEvening);

        // Assert
        Assert.Equal(At(2026, 9, 24, 8, 30), next);
    }

    [Fact]
    public void GetNextOpening_YearEnd_ReturnsFirstWorkingDayOfJanuary()
    {
        // Act
        var next = Create().GetNextOpening(At(2026, 12, 28, 18));

        // Assert
        Assert.Equal(At(2027, 1, 4, 8, 30), next);
    }

    [Fact]
    public void GetNextOpening_NoOpeningWithin60Days_ReturnsNull()
    {
        // Arrange
        var calendar = Create(o =>
        {
            foreach (var day in Enum.GetValues<DayOfWeek>())
            {
                o.WeeklyHours[day] = null;
            }
        });

        // Act
        var next = calendar.GetNextOpening(At(2026, 6, 10, 9));

        // Assert
        Assert.Null(next);
    }

    [Fact]
    public void GetTimeUntilClose_OpenAndClosed_ReturnsRemainingOrNull()
    {
        // Arrange
        var calendar = Create();

        // Act
        var remaining = calendar.GetTimeUntilClose(At(2026, 6, 10, 16, 45));
        var closed = calendar.GetTimeUntilClose(At(2026, 6, 10, 17, 30));

        // Assert
        Assert.Equal(TimeSpan.FromMinutes(30), remaining);
        Assert.Null(closed);
    }
}
