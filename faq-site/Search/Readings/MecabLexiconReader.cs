using System.Globalization;
using System.Text;
using ConversationHub.Faq.Search.Analysis;

namespace ConversationHub.Faq.Search.Readings;

/// <summary>
/// Reads surface → reading pairs from a MeCab lexicon in IPADIC's CSV format (one entry a line: surface, left id,
/// right id, cost, six part-of-speech and inflection fields, base form, reading, pronunciation). Only what search
/// needs is kept: entries whose surface holds a kanji (kana are their own reading) and not person names.
/// </summary>
internal static class MecabLexiconReader
{
    private const int CostField = 3;
    private const int ReadingField = 11;

    /// <summary>
    /// Person names (Noun.name.csv) are left out: citizens do not search the FAQ by them, and their single-kanji
    /// entries carry name readings (方 as まさ) that would only compete with the common ones.
    /// </summary>
    private const string PersonNamesFile = "Noun.name.csv";

    /// <summary>The entries of every CSV file in <paramref name="directory"/>; throws when it holds none.</summary>
    public static ReadingDictionary Read(string directory, Encoding encoding)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(encoding);
        var files = Directory.GetFiles(directory, "*.csv")
            .Where(f => !string.Equals(Path.GetFileName(f), PersonNamesFile, StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToArray();
        if (files.Length == 0)
            throw new FileNotFoundException($"No lexicon CSV files in {directory}.");

        // PERF: the files are independent, and decoding EUC-JP is most of the load time.
        var perFile = new List<(string, string, int)>[files.Length];
        Parallel.For(0, files.Length, i => perFile[i] = ReadFile(files[i], encoding));
        var entries = new List<(string Surface, string Reading, int Cost)>(perFile.Sum(f => f.Count));
        foreach (var file in perFile)
            entries.AddRange(file);
        return ReadingDictionary.Create(entries, directory);
    }

    private static List<(string, string, int)> ReadFile(string path, Encoding encoding)
    {
        var entries = new List<(string, string, int)>();
        using var reader = new StreamReader(path, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
        Span<Range> fields = stackalloc Range[ReadingField + 2];
        while (reader.ReadLine() is { } line)
        {
            var comma = line.IndexOf(',', StringComparison.Ordinal);
            if (comma <= 0 || !HasKanji(line.AsSpan(0, comma)))
                continue;
            var span = line.AsSpan();
            if (span.Split(fields, ',') <= ReadingField)
                continue;
            var reading = span[fields[ReadingField]];
            if (reading.IsEmpty || reading is "*"
                || !int.TryParse(span[fields[CostField]], NumberStyles.Integer, CultureInfo.InvariantCulture, out var cost))
                continue;
            entries.Add((line[..comma], reading.ToString(), cost));
        }

        return entries;
    }

    private static bool HasKanji(ReadOnlySpan<char> surface)
    {
        foreach (var c in surface)
        {
            if (CharClass.Of(c) == CharKind.Kanji)
                return true;
        }

        return false;
    }
}
