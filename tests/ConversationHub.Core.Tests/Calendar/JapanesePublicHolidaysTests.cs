using System.Globalization;
using ConversationHub.Core.Calendar;

namespace ConversationHub.Core.Tests.Calendar;

public sealed class JapanesePublicHolidaysTests
{
    [Fact]
    public void IsHoliday_GoldenWeek2019_TenConsecutiveDaysOff()
    {
        // Arrange
        var days = Enumerable.Range(0, 10).Select(i => new DateOnly(2019, 4, 27).AddDays(i)).ToList();

        // Act
        var offDays = days.Where(d => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || JapanesePublicHolidays.IsHoliday(d));

        // Assert
        Assert.Equal(days, offDays);
        Assert.Equal("国民の休日", JapanesePublicHolidays.GetHolidayName(new DateOnly(2019, 4, 30)));
        Assert.Equal("即位の日", JapanesePublicHolidays.GetHolidayName(new DateOnly(2019, 5, 1)));
        Assert.Equal("国民の休日", JapanesePublicHolidays.GetHolidayName(new DateOnly(2019, 5, 2)));
        Assert.Equal("振替休日", JapanesePublicHolidays.GetHolidayName(new DateOnly(2019, 5, 6)));
        Assert.False(JapanesePublicHolidays.IsHoliday(new DateOnly(2019, 5, 7)));
    }

    [Theory]
    [InlineData("2020-07-23", "海の日")]
    [InlineData("2020-07-24", "スポーツの日")]
    [InlineData("2020-08-10", "山の日")]
    [InlineData("2021-07-22", "海の日")]
    [InlineData("2021-07-23", "スポーツの日")]
    [InlineData("2021-08-08", "山の日")]
    [InlineData("2021-08-09", "振替休日")]
    [InlineData("2019-10-14", "体育の日")]
    [InlineData("2022-10-10", "スポーツの日")]
    public void GetHolidayName_OlympicAndRenamedHolidays_ReturnsLawName(string date, string expected)
    {
        // Act
        var name = JapanesePublicHolidays.GetHolidayName(DateOnly.Parse(date, CultureInfo.InvariantCulture));

        // Assert
        Assert.Equal(expected, name);
    }

    [Theory]
    [InlineData("2020-07-20")] // the usual 3rd Monday of July
    [InlineData("2020-08-11")]
    [InlineData("2020-10-12")]
    [InlineData("2021-07-19")]
    [InlineData("2021-10-11")]
    [InlineData("2019-12-23")] // no 天皇誕生日 in 2019
    [InlineData("2015-08-11")] // 山の日 starts in 2016
    public void IsHoliday_DaysThatWereNotHolidays_ReturnsFalse(string date)
    {
        // Act
        var isHoliday = JapanesePublicHolidays.IsHoliday(DateOnly.Parse(date, CultureInfo.InvariantCulture));

        // Assert
        Assert.False(isHoliday);
    }

    [Theory]
    [InlineData("2015-09-22", "国民の休日")]
    [InlineData("2026-09-22", "国民の休日")]
    [InlineData("2006-01-02", "振替休日")] // 元日 on Sunday, pre-2007 rule: the Monday
    [InlineData("1998-05-04", "振替休日")] // 憲法記念日 on Sunday, pre-2007: Monday 5/4, not 国民の休日
    [InlineData("2008-05-06", "振替休日")] // みどりの日 on Sunday, 2007 rule: skips こどもの日 to Tuesday
    [InlineData("2009-05-06", "振替休日")] // 憲法記念日 on Sunday: skips 5/4 and 5/5
    [InlineData("2018-12-23", "天皇誕生日")]
    [InlineData("2020-02-23", "天皇誕生日")]
    [InlineData("2006-04-29", "みどりの日")]
    [InlineData("2007-04-29", "昭和の日")]
    [InlineData("2007-05-04", "みどりの日")]
    [InlineData("2016-08-11", "山の日")]
    [InlineData("1989-02-24", "大喪の礼")]
    [InlineData("2019-10-22", "即位礼正殿の儀")]
    [InlineData("2025-03-20", "春分の日")]
    [InlineData("2025-09-23", "秋分の日")]
    [InlineData("2099-03-20", "春分の日")]
    public void GetHolidayName_RuleCases_ReturnsName(string date, string expected)
    {
        // Act
        var name = JapanesePublicHolidays.GetHolidayName(DateOnly.Parse(date, CultureInfo.InvariantCulture));

        // Assert
        Assert.Equal(expected, name);
    }

    [Fact]
    public void IsHoliday_SundayBetweenHolidaysBefore2007_ReturnsFalse()
    {
        // Arrange: 2003-05-04 was a Sunday between 憲法記念日 and こどもの日; the old law excluded Sundays.
        var sunday = new DateOnly(2003, 5, 4);

        // Act
        var isHoliday = JapanesePublicHolidays.IsHoliday(sunday);

        // Assert
        Assert.False(isHoliday);
        Assert.False(JapanesePublicHolidays.IsHoliday(new DateOnly(2003, 5, 6)));
    }

    [Fact]
    public void GetHolidays_SameYearTwice_ReturnsCachedList()
    {
        // Act
        var first = JapanesePublicHolidays.GetHolidays(2026);
        var second = JapanesePublicHolidays.GetHolidays(2026);

        // Assert
        Assert.Same(first, second);
        Assert.Equal(first.OrderBy(h => h.Date), first);
    }

    [Theory]
    [InlineData(1979)]
    [InlineData(2100)]
    public void GetHolidays_YearOutsideSupportedRange_ThrowsArgumentOutOfRange(int year)
    {
        // Act & Assert
        Assert.Throws<ArgumentOutOfRangeException>(nameof(year), () => JapanesePublicHolidays.GetHolidays(year));
        Assert.Throws<ArgumentOutOfRangeException>("date", () => JapanesePublicHolidays.IsHoliday(new DateOnly(year, 6, 1)));
    }
}
