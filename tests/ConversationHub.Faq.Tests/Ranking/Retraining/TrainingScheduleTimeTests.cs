using ConversationHub.Faq.Ranking.Reranking;
using ConversationHub.Faq.Ranking.Retraining;

namespace ConversationHub.Faq.Tests.Ranking.Retraining;

/// <summary>The retraining schedule's settings (issue 17): checked at start with a clear message, due once a Japan-time day.</summary>
public sealed class TrainingScheduleTimeTests
{
    [Theory]
    [InlineData("25:00")]
    [InlineData("2:30")]
    [InlineData("nightly")]
    public void Check_ScheduleNotHoursAndMinutes_NamesTheSettingAndTheFormat(string schedule)
    {
        // Arrange
        var options = new FaqRankingOptions { TrainingSchedule = schedule };

        // Act
        var error = TrainingScheduleTime.Check(options);

        // Assert
        Assert.NotNull(error);
        Assert.StartsWith("FaqRanking:TrainingSchedule must be a time of day in Japan time written HH:mm", error, StringComparison.Ordinal);
        Assert.Contains($"not \"{schedule}\"", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_AutoPromoteWithoutSchedule_Fails()
    {
        // Arrange
        var options = new FaqRankingOptions { AutoPromote = true };

        // Act
        var error = TrainingScheduleTime.Check(options);

        // Assert
        Assert.Equal(
            "FaqRanking:AutoPromote is true but FaqRanking:TrainingSchedule is empty: only scheduled runs promote by themselves; set a time such as \"02:30\" or set AutoPromote to false.",
            error);
    }

    [Fact]
    public void Check_DefaultsAndAValidSchedule_Pass()
    {
        // Arrange, Act, Assert: off by default, and a daily time with AutoPromote is fine.
        Assert.Null(TrainingScheduleTime.Check(new FaqRankingOptions()));
        Assert.Null(TrainingScheduleTime.Check(new FaqRankingOptions { TrainingSchedule = "02:30", AutoPromote = true }));
    }

    [Theory]
    [InlineData("2026-12-06T17:29:00Z", null)]
    [InlineData("2026-12-06T17:30:00Z", "2026-12-07")]
    [InlineData("2026-12-07T14:59:00Z", "2026-12-07")]
    [InlineData("2026-12-07T15:00:00Z", null)]
    public void DueDay_ScheduleAt0230Japan_IsTheJapanDayOnceItsTimeHasPassed(string nowUtc, string? expected)
    {
        // Arrange: 02:30 in Japan is 17:30 UTC the day before; the Japan day turns at 15:00 UTC.
        var scheduled = TrainingScheduleTime.Parse("02:30");

        // Act
        var day = TrainingScheduleTime.DueDay(scheduled, DateTimeOffset.Parse(nowUtc, System.Globalization.CultureInfo.InvariantCulture));

        // Assert
        Assert.Equal(expected is null ? null : DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), day);
    }

    [Fact]
    public void DueDay_NoSchedule_IsNeverDue() =>
        Assert.Null(TrainingScheduleTime.DueDay(TrainingScheduleTime.Parse(null), DateTimeOffset.UtcNow));
}
