using System.IO.Compression;
using System.Text;

namespace ConversationHub.Handoff.Postal;

/// <summary>
/// The stored form of a dataset: gzip of UTF-8 lines <c>code TAB prefecture TAB city TAB town TAB kana×3</c> after a
/// version line, in code order. About 1.8 MB for the whole country (KEN_ALL's 18 MB UTF-8 CSV compresses this far
/// because notes, flags and the columns nobody fills in are gone). Every node decodes it into its own index.
/// </summary>
internal static class PostalDatasetCodec
{
    private const string Header = "conversationhub-postal/1";

    public static byte[] Encode(IReadOnlyList<PostalAddress> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        using (var writer = new StreamWriter(gzip, new UTF8Encoding(false), 1 << 16))
        {
            writer.NewLine = "\n";
            writer.WriteLine(Header);
            foreach (var e in entries)
            {
                writer.Write(e.Code);
                foreach (var field in (ReadOnlySpan<string>)[e.Prefecture, e.City, e.Town, e.PrefectureKana, e.CityKana, e.TownKana])
                {
                    writer.Write('\t');
                    writer.Write(Clean(field));
                }

                writer.Write('\n');
            }
        }

        return buffer.ToArray();
    }

    /// <exception cref="InvalidDataException">The data is not this format (a newer version, or damaged).</exception>
    public static List<PostalAddress> Decode(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var gzip = new GZipStream(new MemoryStream(data), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, 1 << 16);
        if (reader.ReadLine() != Header)
        {
            throw new InvalidDataException($"The stored postal dataset is not in the format '{Header}'.");
        }

        var entries = new List<PostalAddress>(150_000);
        while (reader.ReadLine() is { } line)
        {
            var f = line.Split('\t');
            if (f.Length != 7 || !PostalCode.IsSevenDigits(f[0]))
            {
                throw new InvalidDataException($"The stored postal dataset is damaged at entry {entries.Count + 1}.");
            }

            entries.Add(new PostalAddress(f[0], f[1], f[2], f[3], f[4], f[5], f[6]));
        }

        return entries;
    }

    // KEN_ALL has no tabs or line breaks in its fields; a hand-made file might.
    private static string Clean(string field) => field.AsSpan().ContainsAny('\t', '\n', '\r') ? field.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ') : field;
}
