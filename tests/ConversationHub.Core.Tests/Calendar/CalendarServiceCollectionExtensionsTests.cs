using System.Text;
using ConversationHub.Core.Calendar;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ConversationHub.Testing;

namespace ConversationHub.Core.Tests.Calendar;

public sealed class CalendarServiceCollectionExtensionsTests
{
    private static ServiceProvider Build(string json, TimeProvider? timeProvider = null)
    {
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        if (timeProvider is not null)
        {
            services.AddSingleton(timeProvider);
        }

        return services.AddBusinessCalendar().BuildServiceProvider(validateScopes: true);
    }

    [Fact]
    public void AddBusinessCalendar_SectionAbsent_UsesWeekdayDefaults()
    {
        // Arrange
        using var provider = Build("{}");

        // Act
        var calendar = provider.GetRequiredService<IBusinessCalendar>();

        // Assert
        Assert.Equal(new TimeOnly(8, 30), calendar.GetHours(new DateOnly(2026, 6, 10))?.Opens);
        Assert.Null(calendar.GetHours(new DateOnly(2026, 6, 13)));
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void AddBusinessCalendar_FullSection_BindsEverySetting()
    {
        // Arrange
        using var provider = Build("""
            { "Calendar": {
                "WeeklyHours": { "Monday": "09:00-17:00", "Wednesday": null, "Saturday": "09:00-12:00" },
                "YearEndClosure": false,
                "Closures": [ { "Date": "2026-12-28", "Reason": "システム保守" } ],
                "ExtraDays": [ { "Date": "2027-03-28", "Hours": "09:00-12:00", "Reason": "年度末休日開庁" } ],
                "RecurringExtraDays": [
                  { "Week": 2, "DayOfWeek": "Sunday", "Hours": "09:00-12:00", "Reason": "第2日曜日開庁" },
                  { "Week": "Last", "DayOfWeek": "Sunday", "Hours": "13:00-16:00" } ] } }
            """);

        // Act
        var calendar = provider.GetRequiredService<IBusinessCalendar>();

        // Assert
        Assert.Equal(new TimeOnly(9, 0), calendar.GetHours(new DateOnly(2026, 6, 8))?.Opens); // Monday
        Assert.Equal("休業日", calendar.GetDay(new DateOnly(2026, 6, 10)).ClosedReason); // Wednesday
        Assert.Equal(new TimeOnly(8, 30), calendar.GetHours(new DateOnly(2026, 6, 11))?.Opens); // Thursday keeps its default
        Assert.Equal(new TimeOnly(12, 0), calendar.GetHours(new DateOnly(2026, 6, 13))?.Closes); // Saturday
        Assert.True(calendar.GetDay(new DateOnly(2026, 12, 29)).IsOpen);
        Assert.Equal("システム保守", calendar.GetDay(new DateOnly(2026, 12, 28)).ClosedReason);
        Assert.Equal("年度末休日開庁", calendar.GetHours(new DateOnly(2027, 3, 28))?.Note);
        Assert.Equal("第2日曜日開庁", calendar.GetHours(new DateOnly(2026, 6, 14))?.Note);
        Assert.Equal(new TimeOnly(13, 0), calendar.GetHours(new DateOnly(2026, 6, 28))?.Opens);
    }

    [Fact]
    public void AddBusinessCalendar_InvalidSection_StartupValidationNamesSetting()
    {
        // Arrange
        using var provider = Build("""{ "Calendar": { "WeeklyHours": { "Monday": "17:00-08:00" } } }""");

        // Act
        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        // Assert
        Assert.Contains("Calendar:WeeklyHours:Monday must be HH:mm-HH:mm with start before end (was '17:00-08:00')",
            exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddBusinessCalendar_TimeProviderAlreadyRegistered_KeepsIt()
    {
        // Arrange
        var clock = new TestClock(new DateTimeOffset(2026, 6, 10, 10, 0, 0, TimeSpan.FromHours(9)));
        using var provider = Build("{}", clock);

        // Act
        var openNow = provider.GetRequiredService<IBusinessCalendar>().IsOpenNow();

        // Assert
        Assert.Same(clock, provider.GetRequiredService<TimeProvider>());
        Assert.True(openNow);
    }
}
