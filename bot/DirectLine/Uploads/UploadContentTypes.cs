namespace ConversationHub.Bot.DirectLine.Uploads;

/// <summary>
/// The files citizens may send: photos (JPEG, PNG, GIF, WebP) and PDF. The declared type must be on the list and the
/// first bytes must match it, so an executable renamed to <c>.png</c> is refused as well.
/// </summary>
internal static class UploadContentTypes
{
    private static readonly Dictionary<string, string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["image/jpeg"] = "jpg",
        ["image/png"] = "png",
        ["image/gif"] = "gif",
        ["image/webp"] = "webp",
        ["application/pdf"] = "pdf",
    };

    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static readonly Dictionary<string, string> ContentTypes =
        Extensions.ToDictionary(e => e.Value, e => e.Key.ToLowerInvariant(), StringComparer.Ordinal);

    /// <summary>The stored file extension for an allowed content type, or null.</summary>
    public static string? ExtensionOf(string? contentType)
    {
        var mediaType = contentType?.Split(';', 2)[0].Trim();
        return mediaType is not null && Extensions.TryGetValue(mediaType, out var extension) ? extension : null;
    }

    /// <summary>The content type to serve a stored file with, or null for an unknown extension.</summary>
    public static string? ContentTypeOf(string extension) => ContentTypes.GetValueOrDefault(extension);

    /// <summary>Whether <paramref name="head"/> (the first bytes of the file) is a file of that type.</summary>
    public static bool Matches(string extension, ReadOnlySpan<byte> head) => extension switch
    {
        "jpg" => head.StartsWith(JpegMagic),
        "png" => head.StartsWith(PngMagic),
        "gif" => head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8),
        "webp" => head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8),
        "pdf" => head.StartsWith("%PDF-"u8),
        _ => false,
    };
}
