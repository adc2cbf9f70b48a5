namespace ConversationHub.Core.Calendar;

/// <summary>
/// One year's days off, derived from the rules of 国民の祝日に関する法律 and the special laws rather than a table,
/// so that the calendar keeps working after the last year someone typed in. Valid for 1980–2099 (the equinox formula).
/// </summary>
internal static class JapaneseHolidayRules
{
    private const string Substitute = "振替休日";
    private const string Citizens = "国民の休日";

    public static List<PublicHoliday> Compute(int year)
    {
        var national = NationalHolidays(year).ToDictionary(h => h.Date);
        var all = new List<PublicHoliday>(national.Values);

        // Article 3-2: from 1973 a Sunday holiday moves to Monday; from 2007 to the next day that is not a 祝日.
        foreach (var holiday in national.Values.Where(h => h.Date.DayOfWeek == DayOfWeek.Sunday))
        {
            var next = holiday.Date.AddDays(1);
            while (year >= 2007 && national.ContainsKey(next))
            {
                next = next.AddDays(1);
            }

            if (!national.ContainsKey(next))
            {
                all.Add(new PublicHoliday(next, Substitute, PublicHolidayKind.SubstituteHoliday));
            }
        }

        // Article 3-3 (from 1986): a day whose previous and next days are both 祝日 is a day off. Until 2006 the law
        // excluded Sundays and substitute holidays; a substitute holiday keeps its own name either way.
        if (year >= 1986)
        {
            foreach (var holiday in national.Values)
            {
                var between = holiday.Date.AddDays(1);
                if (national.ContainsKey(holiday.Date.AddDays(2)) && !national.ContainsKey(between)
                    && !all.Exists(h => h.Date == between) && (year >= 2007 || between.DayOfWeek != DayOfWeek.Sunday))
                {
                    all.Add(new PublicHoliday(between, Citizens, PublicHolidayKind.CitizensHoliday));
                }
            }
        }

        all.Sort((a, b) => a.Date.CompareTo(b.Date));
        return all;
    }

    private static IEnumerable<PublicHoliday> NationalHolidays(int year)
    {
        yield return National(year, 1, 1, "元日");
        yield return year < 2000 ? National(year, 1, 15, "成人の日") : NthMonday(year, 1, 2, "成人の日");
        yield return National(year, 2, 11, "建国記念の日");
        if (year >= 2020)
        {
            yield return National(year, 2, 23, "天皇誕生日");
        }

        yield return National(year, 3, VernalEquinoxDay(year), "春分の日");
        yield return National(year, 4, 29, year <= 1988 ? "天皇誕生日" : year <= 2006 ? "みどりの日" : "昭和の日");
        yield return National(year, 5, 3, "憲法記念日");
        if (year >= 2007)
        {
            yield return National(year, 5, 4, "みどりの日");
        }

        yield return National(year, 5, 5, "こどもの日");

        // The Tokyo Olympics special measures law moved 海の日, スポーツの日 and 山の日 in 2020 and again in 2021.
        if (year is 2020 or 2021)
        {
            var shift = year == 2020 ? 0 : -1;
            yield return National(year, 7, 23 + shift, "海の日");
            yield return National(year, 7, 24 + shift, "スポーツの日");
            yield return National(year, 8, year == 2020 ? 10 : 8, "山の日");
        }
        else
        {
            if (year >= 1996)
            {
                yield return year <= 2002 ? National(year, 7, 20, "海の日") : NthMonday(year, 7, 3, "海の日");
            }

            if (year >= 2016)
            {
                yield return National(year, 8, 11, "山の日");
            }

            var sportsName = year >= 2020 ? "スポーツの日" : "体育の日";
            yield return year < 2000 ? National(year, 10, 10, sportsName) : NthMonday(year, 10, 2, sportsName);
        }

        yield return year <= 2002 ? National(year, 9, 15, "敬老の日") : NthMonday(year, 9, 3, "敬老の日");
        yield return National(year, 9, AutumnalEquinoxDay(year), "秋分の日");
        yield return National(year, 11, 3, "文化の日");
        yield return National(year, 11, 23, "勤労感謝の日");
        if (year is >= 1989 and <= 2018)
        {
            yield return National(year, 12, 23, "天皇誕生日");
        }

        foreach (var special in SpecialHolidays(year))
        {
            yield return special;
        }
    }

    // Each set by its own law; the 2019 law says its two days count as 祝日 for Article 3, which is why
    // 2019-04-30 and 2019-05-02 become 国民の休日 without being listed here.
    private static IEnumerable<PublicHoliday> SpecialHolidays(int year) => year switch
    {
        1989 => [Special(1989, 2, 24, "大喪の礼")],
        1990 => [Special(1990, 11, 12, "即位礼正殿の儀")],
        1993 => [Special(1993, 6, 9, "結婚の儀")],
        2019 => [Special(2019, 5, 1, "即位の日"), Special(2019, 10, 22, "即位礼正殿の儀")],
        _ => [],
    };

    // The usual approximation of the equinox dates published by the National Astronomical Observatory, valid 1980–2099.
    internal static int VernalEquinoxDay(int year) => EquinoxDay(year, 20.8431);

    internal static int AutumnalEquinoxDay(int year) => EquinoxDay(year, 23.2488);

    private static int EquinoxDay(int year, double constant) =>
        (int)Math.Floor(constant + (0.242194 * (year - 1980))) - ((year - 1980) / 4);

    private static PublicHoliday NthMonday(int year, int month, int n, string name)
    {
        var first = new DateOnly(year, month, 1);
        var offset = ((int)DayOfWeek.Monday - (int)first.DayOfWeek + 7) % 7;
        return new PublicHoliday(first.AddDays(offset + (7 * (n - 1))), name, PublicHolidayKind.NationalHoliday);
    }

    private static PublicHoliday National(int year, int month, int day, string name) =>
        new(new DateOnly(year, month, day), name, PublicHolidayKind.NationalHoliday);

    private static PublicHoliday Special(int year, int month, int day, string name) =>
        new(new DateOnly(year, month, day), name, PublicHolidayKind.SpecialHoliday);
}
