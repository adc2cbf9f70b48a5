using System.Globalization;
using System.Text;
using System.Text.Unicode;
using CsvHelper;
using CsvHelper.Configuration;

namespace ConversationHub.Handoff.Postal;

/// <summary>
/// Reads Japan Post's KEN_ALL (読み仮名データの促音・拗音を小書きで表記するもの): the UTF-8 edition (utf_ken_all.csv) or the
/// classic Shift_JIS KEN_ALL.CSV, told apart by whether the bytes are valid UTF-8. 15 columns: 全国地方公共団体コード,
/// 旧郵便番号, 郵便番号, 都道府県名カナ, 市区町村名カナ, 町域名カナ, 都道府県名, 市区町村名, 町域名, then 6 flags.
/// Malformed lines are counted and reported by line number, never thrown.
/// </summary>
internal static class KenAllParser
{
    private const int ColumnCount = 15;

    static KenAllParser() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Parses a whole file; <paramref name="reportLimit"/> caps the malformed lines listed (all are counted).</summary>
    public static PostalParseResult Parse(ReadOnlySpan<byte> data, int reportLimit = 100)
    {
        var utf8 = Utf8.IsValid(data);
        if (utf8 && data.StartsWith("\uFEFF"u8))
        {
            data = data[3..];
        }

        var text = utf8 ? Encoding.UTF8.GetString(data) : Encoding.GetEncoding(932).GetString(data);
        var format = utf8 ? "ken_all-utf8" : "ken_all-shift_jis";
        return Parse(new StringReader(text), format, reportLimit);
    }

    private static PostalParseResult Parse(TextReader reader, string format, int reportLimit)
    {
        var errors = new List<PostalLineError>();
        var malformed = 0;
        var badQuote = false;
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false,
            IgnoreBlankLines = true,
            BadDataFound = _ => badQuote = true,
        };

        void Report(int line, PostalLineProblem problem, string? detail = null)
        {
            malformed++;
            if (errors.Count < reportLimit)
            {
                errors.Add(new PostalLineError(line, problem, detail));
            }
        }

        var merger = new TownMerger();
        var lines = 0;
        using var parser = new CsvParser(reader, config);
        while (parser.Read())
        {
            lines++;
            badQuote = false;
            var record = parser.Record;
            var line = parser.RawRow;
            if (badQuote || record is null)
            {
                Report(line, PostalLineProblem.Quote);
                continue;
            }

            if (record.Length != ColumnCount)
            {
                Report(line, PostalLineProblem.FieldCount, record.Length.ToString(CultureInfo.InvariantCulture));
                continue;
            }

            var code = record[2].Trim();
            if (!PostalCode.IsSevenDigits(code))
            {
                Report(line, PostalLineProblem.Code);
                continue;
            }

            if (string.IsNullOrWhiteSpace(record[6]) || string.IsNullOrWhiteSpace(record[7]))
            {
                Report(line, PostalLineProblem.MissingName);
                continue;
            }

            if (!FlagsAreDigits(record))
            {
                Report(line, PostalLineProblem.Flags);
                continue;
            }

            merger.Add(new KenAllRow(code, record[6].Trim(), record[7].Trim(), record[8], Kana(record[3]), Kana(record[4]), Kana(record[5])));
        }

        return new PostalParseResult(format, merger.Finish(), lines, malformed, errors);
    }

    private static bool FlagsAreDigits(string[] record)
    {
        for (var i = 9; i < ColumnCount; i++)
        {
            var flag = record[i].AsSpan().Trim();
            if (flag.Length != 1 || !char.IsAsciiDigit(flag[0]))
            {
                return false;
            }
        }

        return true;
    }

    // Half-width katakana (ｶﾞ) to full-width (ガ); NFKC also folds the kana columns' half-width brackets and digits.
    private static string Kana(string text) => text.Trim().Normalize(NormalizationForm.FormKC);

    private readonly record struct KenAllRow(string Code, string Prefecture, string City, string Town, string PrefectureKana, string CityKana, string TownKana);

    /// <summary>
    /// Joins a town written over consecutive lines of the same code (an unclosed 「（」: 「…（東大路通四条上る、」 then
    /// 「…下る）」), then cleans it and drops candidates that become identical (same code, town written the same).
    /// </summary>
    private sealed class TownMerger
    {
        private readonly List<PostalAddress> _entries = [];
        private readonly HashSet<(string Code, string Prefecture, string City, string Town)> _seen = [];
        private KenAllRow? _open;
        private StringBuilder _town = new();
        private StringBuilder _kana = new();
        private string _firstKanaPiece = string.Empty;

        public void Add(KenAllRow row)
        {
            if (_open is { } open && open.Code == row.Code && open.City == row.City)
            {
                _town.Append(row.Town.Trim());
                // Continuation lines sometimes repeat the whole kana instead of continuing it.
                if (row.TownKana != _firstKanaPiece)
                {
                    _kana.Append(row.TownKana);
                }

                if (!KenAllTown.IsOpen(_town.ToString()))
                {
                    Flush();
                }

                return;
            }

            Flush();
            _open = row;
            _town = new StringBuilder(row.Town.Trim());
            _kana = new StringBuilder(row.TownKana);
            _firstKanaPiece = row.TownKana;
            if (!KenAllTown.IsOpen(row.Town))
            {
                Flush();
            }
        }

        public List<PostalAddress> Finish()
        {
            Flush();
            // KEN_ALL is ordered by local government code; the index and the stored form want code order (stable).
            return [.. _entries.OrderBy(e => e.Code, StringComparer.Ordinal)];
        }

        private void Flush()
        {
            if (_open is not { } row)
            {
                return;
            }

            _open = null;
            var (town, kana) = KenAllTown.Clean(_town.ToString(), _kana.ToString());
            if (_seen.Add((row.Code, row.Prefecture, row.City, town)))
            {
                _entries.Add(new PostalAddress(row.Code, row.Prefecture, row.City, town, row.PrefectureKana, row.CityKana, kana));
            }
        }
    }
}
