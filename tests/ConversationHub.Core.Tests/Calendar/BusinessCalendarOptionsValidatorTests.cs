using ConversationHub.Core.Calendar;

namespace ConversationHub.Core.Tests.Calendar;

public sealed class BusinessCalendarOptionsValidatorTests
{
    private static IEnumerable<string> Validate(Action<BusinessCalendarOptions> configure)
    {
        var options = new BusinessCalendarOptions();
        configure(options);
        return new BusinessCalendarOptionsValidator().Validate(null, options).Failures ?? [];
    }

    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        // Act
        var result = new BusinessCalendarOptionsValidator().Validate(null, new BusinessCalendarOptions());

        // Assert
        Assert.True(result.Succeeded);
    }

    [Theory]
    [InlineData("17:00-08:00")]
    [InlineData("8:30-17:15")]
    [InlineData("08:30")]
    [InlineData("08:30-25:00")]
    public void Validate_BadWeeklyHours_NamesTheWeekday(string hours)
    {
        // Act
        var failures = Validate(o => o.WeeklyHours[DayOfWeek.Monday] = hours);

        // Assert
        var failure = Assert.Single(failures);
        Assert.Equal($"Calendar:WeeklyHours:Monday must be HH:mm-HH:mm with start before end (was '{hours}')", failure);
    }

    [Fact]
    public void Validate_BadClosureDate_NamesTheIndex()
    {
        // Act
        var failures = Validate(o =>
        {
            o.Closures.Add(new CalendarClosureOptions { Date = "2026-12-28" });
            o.Closures.Add(new CalendarClosureOptions { Date = "2026/12/28" });
        });

        // Assert
        Assert.Equal(["Calendar:Closures:1:Date must be a date in yyyy-MM-dd form (was '2026/12/28')"], failures);
    }

    [Fact]
    public void Validate_ExtraDayProblems_ReportsEach()
    {
        // Act
        var failures = Validate(o =>
        {
            o.ExtraDays.Add(new CalendarExtraDayOptions { Date = "2027-03-28", Hours = "09:00-12:00" });
            o.ExtraDays.Add(new CalendarExtraDayOptions { Date = "2027-03-28", Hours = null });
            o.ExtraDays.Add(new CalendarExtraDayOptions { Date = "2100-01-01", Hours = "09:00-12:00" });
        });

        // Assert
        Assert.Equal(
            [
                "Calendar:ExtraDays:1:Date repeats Calendar:ExtraDays:0:Date (2027-03-28); give each date once",
                "Calendar:ExtraDays:1:Hours must be HH:mm-HH:mm with start before end (was '')",
                "Calendar:ExtraDays:2:Date must be in 1980-2099 (was '2100-01-01')",
            ],
            failures);
    }

    [Fact]
    public void Validate_IncompleteRecurringDay_NamesEachMissingSetting()
    {
        // Act
        var failures = Validate(o => o.RecurringExtraDays.Add(new RecurringExtraDayOptions { Week = (WeekOfMonth)7, Hours = "12:00-09:00" }));

        // Assert
        Assert.Equal(
            [
                "Calendar:RecurringExtraDays:0:Week must be 1-5 or Last (was '7')",
                "Calendar:RecurringExtraDays:0:DayOfWeek must be a weekday name such as Sunday (was '')",
                "Calendar:RecurringExtraDays:0:Hours must be HH:mm-HH:mm with start before end (was '12:00-09:00')",
            ],
            failures);
    }
}
