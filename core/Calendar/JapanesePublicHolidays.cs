using System.Collections.Frozen;

namespace ConversationHub.Core.Calendar;

/// <summary>
/// Japan's public holidays (national holidays, 振替休日, 国民の休日 and the one-off days set by special laws),
/// computed from the rules of the law for <see cref="MinYear"/>–<see cref="MaxYear"/> and cached per year.
/// </summary>
/// <remarks>Future years follow today's law; a later amendment needs a code change here.</remarks>
public static class JapanesePublicHolidays
{
    /// <summary>The first supported year.</summary>
    public const int MinYear = 1980;

    /// <summary>The last supported year (the limit of the equinox approximation).</summary>
    public const int MaxYear = 2099;

    private static readonly Lazy<(IReadOnlyList<PublicHoliday> List, FrozenDictionary<DateOnly, PublicHoliday> ByDate)>[] Years =
        [.. Enumerable.Range(MinYear, MaxYear - MinYear + 1).Select(year =>
            new Lazy<(IReadOnlyList<PublicHoliday>, FrozenDictionary<DateOnly, PublicHoliday>)>(() =>
            {
                var holidays = JapaneseHolidayRules.Compute(year);
                return (holidays.AsReadOnly(), holidays.ToFrozenDictionary(h => h.Date));
            }))];

    /// <summary>Every day off in <paramref name="year"/>, in date order.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside <see cref="MinYear"/>–<see cref="MaxYear"/>.</exception>
    public static IReadOnlyList<PublicHoliday> GetHolidays(int year) => ForYear(year, nameof(year)).List;

    /// <summary>The day off on <paramref name="date"/>, or <see langword="null"/> when it is not a public holiday.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside <see cref="MinYear"/>–<see cref="MaxYear"/>.</exception>
    public static PublicHoliday? GetHoliday(DateOnly date) => ForYear(date.Year, nameof(date)).ByDate.GetValueOrDefault(date);

    /// <summary>Whether <paramref name="date"/> is a public holiday (Sundays as such are not).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside <see cref="MinYear"/>–<see cref="MaxYear"/>.</exception>
    public static bool IsHoliday(DateOnly date) => GetHoliday(date) is not null;

    /// <summary>The Japanese name of the holiday on <paramref name="date"/>, or <see langword="null"/> when there is none.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside <see cref="MinYear"/>–<see cref="MaxYear"/>.</exception>
    public static string? GetHolidayName(DateOnly date) => GetHoliday(date)?.Name;

    private static (IReadOnlyList<PublicHoliday> List, FrozenDictionary<DateOnly, PublicHoliday> ByDate) ForYear(int year, string paramName)
    {
        if (year is < MinYear or > MaxYear)
        {
            throw new ArgumentOutOfRangeException(paramName, year, $"Japanese public holidays are computed for {MinYear}–{MaxYear} only.");
        }

        return Years[year - MinYear].Value;
    }
}
