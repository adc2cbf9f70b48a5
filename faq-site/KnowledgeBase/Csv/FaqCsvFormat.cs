using System.Globalization;
using System.Text;
using ConversationHub.Core.Calendar;
using ConversationHub.Faq.KnowledgeBase.Domain;

namespace ConversationHub.Faq.KnowledgeBase.Csv;

/// <summary>The encodings the FAQ CSV is written in; reading detects them (see <see cref="FaqCsvFormat.Decode"/>).</summary>
public enum FaqCsvEncoding
{
    /// <summary>UTF-8 with a byte-order mark (Excel recognises it; every character survives).</summary>
    Utf8,

    /// <summary>Shift_JIS (Windows-31J, code page 932), for older Excel; characters it lacks become 「?」.</summary>
    ShiftJis,
}

/// <summary>
/// The FAQ CSV (RFC 4180, CsvHelper): one row per FAQ with Japanese headers, in the same shape for export and
/// import. Lists (paraphrases, categories, departments, links) are one item per line inside the cell, as Excel's
/// Alt+Enter writes them. Times are JST, <c>yyyy-MM-dd HH:mm</c>. A cell that starts like a spreadsheet formula is
/// written with a leading 「'」 (CSV injection) and read back without it, so an export re-imports as "no changes".
/// </summary>
internal static class FaqCsvFormat
{
    public const string Id = "ID";
    public const string Operation = "操作";
    public const string Question = "質問";
    public const string Paraphrases = "言い換え";
    public const string Answer = "回答";
    public const string LifeEvents = "ライフイベント";
    public const string Fields = "分野";
    public const string Keywords = "キーワード";
    public const string Departments = "担当部署コード";
    public const string Visibility = "公開範囲";
    public const string Status = "公開状態";
    public const string PublishFrom = "公開開始";
    public const string PublishUntil = "公開終了";
    public const string Links = "関連リンク";
    public const string ChangeNote = "変更理由";

    /// <summary>Every column in file order; <see cref="ChangeNote"/> is optional on import and empty on export.</summary>
    public static readonly IReadOnlyList<string> Columns =
        [Id, Operation, Question, Paraphrases, Answer, LifeEvents, Fields, Keywords, Departments, Visibility, Status, PublishFrom, PublishUntil, Links, ChangeNote];

    /// <summary>Columns an import must have; the others may be left out (then an update keeps what is stored).</summary>
    public static readonly IReadOnlyList<string> RequiredColumns = [Id, Operation, Question, Answer];

    public const string Register = "登録";
    public const string Update = "更新";
    public const string Delete = "削除";

    private const string DateFormat = "yyyy-MM-dd HH:mm";

    static FaqCsvFormat() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding EncodingOf(FaqCsvEncoding encoding) => encoding == FaqCsvEncoding.ShiftJis
        ? Encoding.GetEncoding(932, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback)
        : new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    /// <summary>
    /// Decodes an uploaded file: a UTF-8 byte-order mark means UTF-8; bytes that are valid UTF-8 are UTF-8; anything
    /// else is read as Shift_JIS. Null when the bytes are valid in neither.
    /// </summary>
    public static string? Decode(ReadOnlySpan<byte> bytes, out FaqCsvEncoding encoding)
    {
        encoding = FaqCsvEncoding.Utf8;
        var strictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return TryDecode(strictUtf8, bytes[3..]);
        }

        if (TryDecode(strictUtf8, bytes) is { } utf8)
        {
            return utf8;
        }

        encoding = FaqCsvEncoding.ShiftJis;
        return TryDecode(Encoding.GetEncoding(932, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback), bytes);
    }

    private static string? TryDecode(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    public static string VisibilityLabel(FaqVisibility visibility) => visibility switch
    {
        FaqVisibility.Center => "センター",
        FaqVisibility.Staff => "職員",
        _ => "公開",
    };

    public static FaqVisibility? ParseVisibility(string value) => value switch
    {
        "公開" => FaqVisibility.Public,
        "センター" => FaqVisibility.Center,
        "職員" => FaqVisibility.Staff,
        _ => null,
    };

    public static string StatusLabel(FaqStatus status) => status switch
    {
        FaqStatus.Published => "公開",
        FaqStatus.Archived => "アーカイブ",
        _ => "下書き",
    };

    public static FaqStatus? ParseStatus(string value) => value switch
    {
        "下書き" => FaqStatus.Draft,
        "公開" => FaqStatus.Published,
        "アーカイブ" => FaqStatus.Archived,
        _ => null,
    };

    public static string FormatTime(DateTime? utc) => utc is { } value
        ? JapanTime.ToJapan(new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc))).ToString(DateFormat, CultureInfo.InvariantCulture)
        : "";

    /// <summary>Parses a JST time (<c>yyyy-MM-dd HH:mm</c>, or <c>yyyy/MM/dd HH:mm</c> as Excel writes it) to UTC.</summary>
    public static bool TryParseTime(string value, out DateTime? utc)
    {
        utc = null;
        if (value.Length == 0)
        {
            return true;
        }

        if (DateTime.TryParseExact(value, [DateFormat, "yyyy/MM/dd HH:mm", "yyyy/M/d H:mm", "yyyy-MM-dd", "yyyy/MM/dd", "yyyy/M/d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            utc = new DateTimeOffset(local, JapanTime.Offset).UtcDateTime;
            return true;
        }

        return false;
    }

    /// <summary>The items of a list cell: one per line, trimmed, empty lines dropped.</summary>
    public static List<string> Lines(string value) =>
        [.. value.Split('\n').Select(l => l.TrimEnd('\r').Trim()).Where(l => l.Length > 0)];

    public static string JoinLines(IEnumerable<string> items) => string.Join("\n", items);

    /// <summary>A related link as written in the cell: its title, a space, then its URL (URLs have no spaces).</summary>
    public static string FormatLink(string title, string url) => title + " " + url;

    public static (string Title, string Url) ParseLink(string line)
    {
        var space = line.LastIndexOfAny([' ', '\u3000', '\t']);
        return space < 0 ? ("", line) : (line[..space].Trim(), line[(space + 1)..].Trim());
    }
}
