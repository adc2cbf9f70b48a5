using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ConversationHub.Handoff.Programs.Rosters;

/// <summary>
/// Reads a date (of birth, of delivery) as cities write it: <c>1980-04-01</c>, <c>1980/4/1</c>, or by era (和暦): <c>昭和55年4月1日</c>,
/// <c>平成元年5月1日</c>, <c>S55.4.1</c>, <c>H1/5/1</c>, <c>R2-4-1</c>. Full-width digits are folded first (NFKC). An era
/// date outside its era (平成31年5月1日 is 令和元年) is refused rather than guessed (<see cref="JapaneseEra"/>).
/// </summary>
internal static partial class JapaneseDate
{
    public static bool TryParse(string? text, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var value = text.Normalize(NormalizationForm.FormKC).Trim();
        if (Western().Match(value) is { Success: true } western)
            return TryDate(Number(western.Groups["y"].Value), western.Groups["m"].Value, western.Groups["d"].Value, out date);
        if (Era().Match(value) is not { Success: true } era)
            return false;
        var year = era.Groups["y"].Value == "元" ? 1 : Number(era.Groups["y"].Value);
        if (JapaneseEra.NameOf(era.Groups["era"].Value) is not { } name
            || JapaneseEra.ToDate(name, year, Number(era.Groups["m"].Value), Number(era.Groups["d"].Value)) is not { } inEra)
            return false;
        date = inEra;
        return true;
    }

    private static bool TryDate(int year, string month, string day, out DateOnly date)
    {
        date = default;
        var (m, d) = (Number(month), Number(day));
        if (year is < 1 or > 9999 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(year, m))
            return false;
        date = new DateOnly(year, m, d);
        return true;
    }

    private static int Number(string digits) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;

    [GeneratedRegex(@"^(?<y>\d{4})[-/.](?<m>\d{1,2})[-/.](?<d>\d{1,2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Western();

    [GeneratedRegex(@"^(?<era>令和|平成|昭和|大正|[RHSTrhst])\s*(?<y>\d{1,2}|元)\s*(?:年|[-/.])\s*(?<m>\d{1,2})\s*(?:月|[-/.])\s*(?<d>\d{1,2})\s*日?$", RegexOptions.CultureInvariant)]
    private static partial Regex Era();
}
