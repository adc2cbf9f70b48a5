using System.IO.Compression;

namespace ConversationHub.Handoff.Postal;

/// <summary>
/// Reads whatever an administrator is likely to have: Japan Post's zip as downloaded (utf_ken_all.zip or ken_all.zip,
/// its one CSV inside), the CSV itself in UTF-8 or Shift_JIS, or the npm tarball of jquery-jpostal-ja (the demo's).
/// </summary>
internal static class PostalFileReader
{
    /// <exception cref="InvalidDataException">A zip without a CSV, or a damaged zip or tarball.</exception>
    public static PostalParseResult Read(byte[] data, int reportLimit)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.AsSpan().StartsWith("PK\u0003\u0004"u8))
        {
            using var zip = new ZipArchive(new MemoryStream(data), ZipArchiveMode.Read);
            var csv = zip.Entries.FirstOrDefault(e => e.FullName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
                ?? throw new InvalidDataException("The zip file holds no .csv file.");
            using var entry = csv.Open();
            using var buffer = new MemoryStream();
            entry.CopyTo(buffer);
            return KenAllParser.Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), reportLimit);
        }

        if (JpostalPackageReader.IsGzip(data))
        {
            return JpostalPackageReader.Read(new MemoryStream(data), reportLimit);
        }

        return KenAllParser.Parse(data, reportLimit);
    }
}
