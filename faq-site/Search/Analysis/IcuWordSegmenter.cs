using System.Runtime.InteropServices;
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

    // PERF: as above, but for the direct libicu binding; the native iterator is reset by each SetText.
    [ThreadStatic]
    private static IcuBreakIteratorHandle? _native;

    /// <summary>Appends (start, length) of each word in <paramref name="text"/> to <paramref name="words"/>.</summary>
    public static void Segment(string text, List<(int Start, int Length)> words)
    {
        if (text.Length == 0)
            return;

        if (IcuBreakFunctions.Instance is { } functions)
        {
            SegmentNative(functions, text, words);
            return;
        }

        SegmentThroughIcuNet(text, words);
    }

    /// <summary>The fallback through icu.net's managed wrapper; the same boundaries, more slowly.</summary>
    internal static void SegmentThroughIcuNet(string text, List<(int Start, int Length)> words)
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

    private static void SegmentNative(IcuBreakFunctions functions, string text, List<(int Start, int Length)> words)
    {
        var iterator = _native ??= IcuBreakIteratorHandle.OpenJapaneseWords(functions);
        var pointer = iterator.DangerousGetHandle();

        // ICU reads the text in place while iterating, so it stays pinned until the last boundary is read.
        var pin = GCHandle.Alloc(text, GCHandleType.Pinned);
        try
        {
            functions.SetText(pointer, pin.AddrOfPinnedObject(), text.Length, out var status);
            if (IcuBreakFunctions.Failed(status))
                throw new InvalidOperationException($"libicu could not segment a text: error {IcuBreakFunctions.Describe(status)}.");
            var start = functions.First(pointer);
            for (var end = functions.Next(pointer); end != IcuBreakFunctions.Done; start = end, end = functions.Next(pointer))
            {
                if (functions.RuleStatus(pointer) >= WordNoneLimit)
                    words.Add((start, end - start));
            }
        }
        finally
        {
            pin.Free();
            GC.KeepAlive(iterator);
        }
    }

    private static RuleBasedBreakIterator Open()
    {
        _ = Initialised.Value;
        return new RuleBasedBreakIterator(BreakIterator.UBreakIteratorType.WORD, Japanese);
    }
}
