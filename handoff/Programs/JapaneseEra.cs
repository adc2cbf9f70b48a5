using System.Globalization;

namespace ConversationHub.Handoff.Programs;

/// <summary>
/// The modern Japanese eras (令和, 平成, 昭和, 大正) for dates of birth: a date from an era and its year, and a date written
/// in its era (和暦, 元年 for the first year). Written here because .NET's <see cref="JapaneseCalendar"/> reads its
/// eras from ICU, whose data differs between machines, while these four boundaries never change. Forms and rosters
/// both read and write dates of birth through it.
/// </summary>
internal static class JapaneseEra
{
    /// <summary>The eras, newest first, each with its first day.</summary>
    public static readonly IReadOnlyList<(string Name, DateOnly Start)> Eras =
    [
        ("令和", new DateOnly(2019, 5, 1)),
        ("平成", new DateOnly(1989, 1, 8)),
        ("昭和", new DateOnly(1926, 12, 25)),
        ("大正", new DateOnly(1912, 7, 30)),
    ];

    /// <summary>The era named by its name or its initial as cities abbreviate it (R, H, S, T; either case); null when none.</summary>
    public static string? NameOf(string eraOrInitial) => eraOrInitial switch
    {
        "R" or "r" => "令和",
        "H" or "h" => "平成",
        "S" or "s" => "昭和",
        "T" or "t" => "大正",
        _ => Eras.Any(e => string.Equals(e.Name, eraOrInitial, StringComparison.Ordinal)) ? eraOrInitial : null,
    };

    /// <summary>The date of <paramref name="era"/> year <paramref name="year"/>, or null when no such day lies in that era.</summary>
    public static DateOnly? ToDate(string? era, int year, int month, int day)
    {
        var index = Eras.ToList().FindIndex(e => string.Equals(e.Name, era, StringComparison.Ordinal));
        if (index < 0 || year < 1 || month is < 1 or > 12 || day < 1)
        {
            return null;
        }

        var (_, start) = Eras[index];
        var gregorian = start.Year + year - 1;
        if (gregorian > 9999 || day > DateTime.DaysInMonth(gregorian, month))
        {
            return null;
        }

        var date = new DateOnly(gregorian, month, day);
        var end = index == 0 ? DateOnly.MaxValue : Eras[index - 1].Start;
        return date >= start && date < end ? date : null;
    }

    /// <summary>The era and its year of <paramref name="date"/>; null before 大正.</summary>
    public static (string Era, int Year)? Of(DateOnly date)
    {
        foreach (var (name, start) in Eras)
        {
            if (date >= start)
            {
                return (name, date.Year - start.Year + 1);
            }
        }

        return null;
    }

    /// <summary><paramref name="date"/> in its era, e.g. 昭和50年4月1日 or 令和元年5月1日 (the Western year before 大正).</summary>
    public static string Format(DateOnly date)
    {
        var month = date.Month.ToString(CultureInfo.InvariantCulture);
        var day = date.Day.ToString(CultureInfo.InvariantCulture);
        if (Of(date) is not { } era)
        {
            return $"{date.Year.ToString(CultureInfo.InvariantCulture)}年{month}月{day}日";
        }

        var year = era.Year == 1 ? "元" : era.Year.ToString(CultureInfo.InvariantCulture);
        return $"{era.Era}{year}年{month}月{day}日";
    }
}
