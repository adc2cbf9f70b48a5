using ConversationHub.Handoff.Programs;
using ConversationHub.Handoff.Programs.Forms;

namespace ConversationHub.Host.Tests.Programs.Forms;

/// <summary>Dates of birth in the Japanese era: the boundaries of 令和, 平成, 昭和 and 大正, 元年, and kana as typed.</summary>
public sealed class JapaneseEraTests
{
    [Theory]
    [InlineData("令和", 1, 5, 1, "2019-05-01")]
    [InlineData("平成", 31, 4, 30, "2019-04-30")]
    [InlineData("平成", 1, 1, 8, "1989-01-08")]
    [InlineData("昭和", 64, 1, 7, "1989-01-07")]
    [InlineData("昭和", 1, 12, 25, "1926-12-25")]
    [InlineData("大正", 15, 12, 24, "1926-12-24")]
    [InlineData("昭和", 50, 2, 28, "1975-02-28")]
    public void ToDate_DayInItsEra_TheWesternDate(string era, int year, int month, int day, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), JapaneseEra.ToDate(era, year, month, day));

    [Theory]
    [InlineData("平成", 31, 5, 1)]
    [InlineData("令和", 1, 4, 30)]
    [InlineData("昭和", 64, 1, 8)]
    [InlineData("昭和", 50, 2, 29)]
    [InlineData("明治", 40, 1, 1)]
    [InlineData("昭和", 0, 1, 1)]
    public void ToDate_DayOutsideItsEra_Null(string era, int year, int month, int day) =>
        Assert.Null(JapaneseEra.ToDate(era, year, month, day));

    [Theory]
    [InlineData("2019-05-01", "令和元年5月1日")]
    [InlineData("2019-04-30", "平成31年4月30日")]
    [InlineData("1975-04-01", "昭和50年4月1日")]
    [InlineData("1912-07-30", "大正元年7月30日")]
    [InlineData("1900-01-01", "1900年1月1日")]
    public void Format_Date_WrittenInItsEra(string date, string expected) =>
        Assert.Equal(expected, JapaneseEra.Format(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("やまだ　たろう", "ヤマダ　タロウ")]
    [InlineData("ﾔﾏﾀﾞ ﾀﾛｳ", "ヤマダ　タロウ")]
    [InlineData("  ヤマダ  タロー ", "ヤマダ　タロー")]
    [InlineData("山田", null)]
    [InlineData("yamada", null)]
    public void Normalize_Kana_FullWidthKatakanaOrNull(string input, string? expected) =>
        Assert.Equal(expected, KanaText.Normalize(input));
}
