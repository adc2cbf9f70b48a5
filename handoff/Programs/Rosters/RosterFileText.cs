using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace ConversationHub.Handoff.Programs.Rosters;

/// <summary>
/// Decodes a roster or status file in the encoding its layout names, strictly: a Shift_JIS file read as UTF-8 (or the
/// reverse) fails with a clear error instead of importing mojibake. Then reads its records with CsvHelper.
/// </summary>
internal static class RosterFileText
{
    /// <summary>The largest file accepted (a city of 400,000 households is about 60 MB).</summary>
    public const int MaxBytes = 200 * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // Registering the code-pages provider is process-wide and idempotent; the static initialiser does it once here.
    private static readonly Encoding StrictShiftJis = CreateStrictShiftJis();

    /// <summary>The text of <paramref name="bytes"/>, or null when they are not in <paramref name="encoding"/>.</summary>
    public static string? Decode(ReadOnlySpan<byte> bytes, RosterEncoding encoding)
    {
        try
        {
            return encoding == RosterEncoding.ShiftJis
                ? StrictShiftJis.GetString(bytes)
                : StrictUtf8.GetString(bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes[3..] : bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>The records of <paramref name="text"/>, each with its 1-based record number (the header is record 1).</summary>
    public static IEnumerable<(int Row, string[] Fields)> Records(string text)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture) { HasHeaderRecord = false, BadDataFound = null, DetectColumnCountChanges = false };
        using var reader = new StringReader(text);
        using var parser = new CsvParser(reader, configuration);
        var row = 0;
        while (parser.Read())
        {
            row++;
            var record = parser.Record;
            if (record is null || record.All(string.IsNullOrWhiteSpace))
                continue;
            yield return (row, record);
        }
    }

    /// <summary>The encoding for writing a file the way <paramref name="encoding"/> reads it (tests and the bench).</summary>
    public static Encoding For(RosterEncoding encoding) => encoding == RosterEncoding.ShiftJis ? StrictShiftJis : new UTF8Encoding(true);

    private static Encoding CreateStrictShiftJis()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(932, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }
}
