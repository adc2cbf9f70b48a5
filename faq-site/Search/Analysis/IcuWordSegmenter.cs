using Icu;

namespace ConversationHub.Faq.Search.Analysis;

/// <summary>
/// Dictionary-based word segmentation from the system's libicu (the same library .NET's globalisation
/// loads), through icu.net. Only word segments are reported; spaces and punctuation are skipped.
/// </summary>
internal static class IcuWordSegmenter
{
    // ICU rule-status ranges (ubrk.h): UBRK_WORD_NONE is 0..99; numbers, letters, kana and ideographs follow.
    private const int WordNoneLimit = 100;

    private static readonly Lazy<bool> Initialised = new(() =>
    {
        var error = Wrapper.Init();
        if (error != ErrorCode.NoErrors)
            throw new InvalidOperationException($"libicu could not be initialised for search segmentation: {error}.");
        return true;
    });

    // PERF: icu.net's reusable iterator is fastest for short texts (queries, questions) but recomputes its
    // boundary array on every MoveNext, which is quadratic on long answers; those go through the one-shot
    // GetWordBoundaries, which opens a native iterator per call but walks it linearly.
    private const int LongText = 256;

    private static readonly Locale Japanese = new("ja");

    // PERF: an ICU break iterator is not thread-safe and costs tens of microseconds to open, so each thread
    // keeps one for its lifetime instead of opening one per text.
    [ThreadStatic]
    private static RuleBasedBreakIterator? _iterator;

    /// <summary>Appends (start, length) of each word in <paramref name="text"/> to <paramref name="words"/>.</summary>
    public static void Segment(string text, List<(int Start, int Length)> words)
    {
        if (text.Length == 0)
            return;

        if (text.Length >= LongText)
        {
            _ = Initialised.Value;
            foreach (var boundary in BreakIterator.GetWordBoundaries(Japanese, text, includeSpacesAndPunctuation: false))
                words.Add((boundary.Start, boundary.End - boundary.Start));
            return;
        }

        var iterator = _iterator ??= Open();
        iterator.SetText(text);
        var start = iterator.MoveFirst();
        for (var end = iterator.MoveNext(); end != BreakIterator.DONE; start = end, end = iterator.MoveNext())
        {
            if (iterator.GetRuleStatus() >= WordNoneLimit)
                words.Add((start, end - start));
        }
    }

    private static RuleBasedBreakIterator Open()
    {
        _ = Initialised.Value;
        return new RuleBasedBreakIterator(BreakIterator.UBreakIteratorType.WORD, Japanese);
    }
}
