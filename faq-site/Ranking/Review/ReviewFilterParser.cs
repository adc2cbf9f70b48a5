using System.Globalization;

namespace ConversationHub.Faq.Ranking.Review;

/// <summary>
/// Reads a <see cref="ReviewFilter"/> from query-string text, as the API and the page receive it. Errors are keyed
/// by parameter, in English for API callers; the page shows its own Japanese message per key.
/// </summary>
internal static class ReviewFilterParser
{
    public const int MaxText = 200;

    public static (ReviewFilter Filter, Dictionary<string, string[]> Errors) Parse(string? source, string? from, string? to, string? category, string? text)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        source = string.IsNullOrWhiteSpace(source) ? null : source.Trim();
        if (source is not null && !ReviewSources.IsKnown(source))
            errors["source"] = [$"The source must be one of: {string.Join(", ", ReviewSources.All)}."];
        var fromDay = Day(from, "from", errors);
        var toDay = Day(to, "to", errors);
        if (fromDay is { } f && toDay is { } t && f > t)
            errors["to"] = ["The end day must not lie before the start day."];
        Guid? categoryId = null;
        if (!string.IsNullOrWhiteSpace(category))
        {
            if (Guid.TryParse(category, out var id))
                categoryId = id;
            else
                errors["category"] = ["The category must be a category id (a GUID)."];
        }

        text = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (text is { Length: > MaxText })
            errors["q"] = [$"The text filter must be at most {MaxText} characters."];
        return (new ReviewFilter(source, fromDay, toDay, categoryId, text), errors);
    }

    private static DateOnly? Day(string? text, string parameter, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return day;
        errors[parameter] = [$"'{parameter}' must be a day written yyyy-MM-dd (Japan time)."];
        return null;
    }
}
