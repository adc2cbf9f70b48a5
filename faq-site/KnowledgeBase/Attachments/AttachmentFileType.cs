namespace ConversationHub.Faq.KnowledgeBase.Attachments;

/// <summary>
/// The file types editors may attach, recognised by their leading bytes ("magic numbers") and never by the
/// name or the browser's Content-Type, both of which the uploader controls.
/// </summary>
internal sealed record AttachmentFileType(string ContentType, IReadOnlyList<string> Extensions)
{
    public static readonly AttachmentFileType Pdf = new("application/pdf", [".pdf"]);
    public static readonly AttachmentFileType Png = new("image/png", [".png"]);
    public static readonly AttachmentFileType Jpeg = new("image/jpeg", [".jpg", ".jpeg"]);
    public static readonly AttachmentFileType Gif = new("image/gif", [".gif"]);
    public static readonly AttachmentFileType WebP = new("image/webp", [".webp"]);

    /// <summary>How many leading bytes <see cref="Sniff"/> needs at most.</summary>
    public const int HeaderLength = 12;

    /// <summary>The type the content starts like, or null when it is none of the accepted ones.</summary>
    public static AttachmentFileType? Sniff(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        if (header.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }

        if (header.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }

        if (header.StartsWith("GIF87a"u8) || header.StartsWith("GIF89a"u8))
        {
            return Gif;
        }

        return header.Length >= 12 && header.StartsWith("RIFF"u8) && header[8..12].SequenceEqual("WEBP"u8) ? WebP : null;
    }

    public bool MatchesName(string fileName) =>
        Extensions.Contains(Path.GetExtension(fileName).ToLowerInvariant(), StringComparer.Ordinal);
}
