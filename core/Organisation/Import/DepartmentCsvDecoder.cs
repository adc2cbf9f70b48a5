using System.Text;

namespace ConversationHub.Core.Organisation.Import;

/// <summary>
/// Decodes an organisation CSV that Excel saved either as "CSV UTF-8" (with a BOM) or as plain "CSV" (CP932 on
/// Japanese Windows). UTF-8 is tried strictly first: CP932 text with kana or kanji is practically never valid UTF-8,
/// whereas the reverse guess would silently turn UTF-8 into mojibake.
/// </summary>
internal static class DepartmentCsvDecoder
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // Registering the code-pages provider is process-wide; the static initialiser does it once.
    private static readonly Encoding StrictShiftJis = CreateStrictShiftJis();

    /// <summary>Decodes <paramref name="bytes"/>; <paramref name="error"/> is set when no supported encoding fits.</summary>
    public static (string Text, DepartmentCsvEncoding Encoding) Decode(ReadOnlySpan<byte> bytes, out DepartmentImportError? error)
    {
        error = null;
        if (bytes.StartsWith(Utf8Bom))
        {
            return TryDecode(StrictUtf8, bytes[Utf8Bom.Length..], DepartmentCsvEncoding.Utf8WithBom, out error);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            // Excel's "Unicode text" is UTF-16 and tab-separated; better to say so than to report every row as broken.
            error = UnsupportedEncoding();
            return ("", DepartmentCsvEncoding.Unknown);
        }

        try
        {
            return (StrictUtf8.GetString(bytes), DepartmentCsvEncoding.Utf8);
        }
        catch (DecoderFallbackException)
        {
            return TryDecode(StrictShiftJis, bytes, DepartmentCsvEncoding.ShiftJis, out error);
        }
    }

    private static (string Text, DepartmentCsvEncoding Encoding) TryDecode(
        Encoding encoding, ReadOnlySpan<byte> bytes, DepartmentCsvEncoding detected, out DepartmentImportError? error)
    {
        try
        {
            error = null;
            return (encoding.GetString(bytes), detected);
        }
        catch (DecoderFallbackException)
        {
            error = UnsupportedEncoding();
            return ("", DepartmentCsvEncoding.Unknown);
        }
    }

    private static DepartmentImportError UnsupportedEncoding() => new(
        null,
        null,
        DepartmentImportErrorCodes.UnsupportedEncoding,
        "ファイルの文字コードを判別できません。UTF-8 または Shift_JIS の CSV で保存してください。");

    private static Encoding CreateStrictShiftJis()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(932, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }
}
