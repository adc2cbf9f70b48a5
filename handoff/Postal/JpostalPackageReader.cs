using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace ConversationHub.Handoff.Postal;

/// <summary>
/// Reads the npm package <c>jquery-jpostal-ja</c> (MIT; Japan Post's data converted by its authors) as <c>npm pack</c>
/// delivers it: a gzipped tarball whose <c>package/json/NNN.json</c> files are JSONP,
/// <c>jQuery_jpostal_callback([["_0600042","北海道","札幌市中央区","大通西","","","ﾎｯｶｲﾄﾞｳ",…],…])</c>. Per
/// jquery.jpostal.js (<c>formatAddress</c>): [0] "_" + code, [1] prefecture, [2] city, [3] town (notes already
/// removed), [4] street number and [5] name of a business with its own code (事業所), [6..8] half-width kana of
/// prefecture, city and town. Entries keyed by 3 digits (prefix fallbacks) and businesses' codes are skipped, so the
/// result matches KEN_ALL.
/// </summary>
internal static class JpostalPackageReader
{
    private const string DataFolder = "package/json/";

    private static ReadOnlySpan<byte> Callback => "jQuery_jpostal_callback("u8;

    /// <summary>Whether <paramref name="data"/> starts like a gzip stream (the npm tarball).</summary>
    public static bool IsGzip(ReadOnlySpan<byte> data) => data.Length > 2 && data[0] == 0x1F && data[1] == 0x8B;

    /// <summary>Reads every <c>json/NNN.json</c> of the tarball; a file that is not the expected JSONP is one malformed "line".</summary>
    public static PostalParseResult Read(Stream tarball, int reportLimit = 100)
    {
        ArgumentNullException.ThrowIfNull(tarball);
        var entries = new List<PostalAddress>();
        var errors = new List<PostalLineError>();
        var malformed = 0;
        var files = 0;
        using var gzip = new GZipStream(tarball, CompressionMode.Decompress, leaveOpen: true);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.DataStream is null || !IsDataFile(entry.Name))
            {
                continue;
            }

            files++;
            using var buffer = new MemoryStream();
            entry.DataStream.CopyTo(buffer);
            if (!TryReadFile(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), entries))
            {
                malformed++;
                if (errors.Count < reportLimit)
                {
                    errors.Add(new PostalLineError(files, PostalLineProblem.File, entry.Name));
                }
            }
        }

        var seen = new HashSet<(string, string, string, string)>();
        var unique = entries.Where(e => seen.Add((e.Code, e.Prefecture, e.City, e.Town))).OrderBy(e => e.Code, StringComparer.Ordinal).ToList();
        return new PostalParseResult("jquery-jpostal-ja", unique, files, malformed, errors);
    }

    // package/json/001.json … 999.json (index.html and the like are skipped).
    private static bool IsDataFile(string name) =>
        name.Length == DataFolder.Length + 8 && name.StartsWith(DataFolder, StringComparison.Ordinal)
        && name.EndsWith(".json", StringComparison.Ordinal) && !name.AsSpan(DataFolder.Length, 3).ContainsAnyExceptInRange('0', '9');

    private static bool TryReadFile(ReadOnlySpan<byte> json, List<PostalAddress> entries)
    {
        var start = json.IndexOf(Callback);
        var end = json.LastIndexOf((byte)')');
        if (start < 0 || end < start)
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(json[(start + Callback.Length)..end].ToArray());
            foreach (var row in document.RootElement.EnumerateArray())
            {
                if (row.GetArrayLength() < 9 || row[0].GetString() is not { Length: 8 } key || !PostalCode.IsSevenDigits(key.AsSpan(1))
                    || !string.IsNullOrEmpty(row[5].GetString()))
                {
                    continue;
                }

                entries.Add(new PostalAddress(
                    key[1..], Text(row[1]), Text(row[2]), Text(row[3]),
                    Kana(row[6]), Kana(row[7]), Kana(row[8])));
            }

            return true;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return false;
        }
    }

    private static string Text(JsonElement value) => (value.GetString() ?? string.Empty).Trim();

    private static string Kana(JsonElement value) => Text(value).Normalize(NormalizationForm.FormKC);
}
