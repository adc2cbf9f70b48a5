using System.Globalization;

namespace ConversationHub.Faq.Site;

/// <summary>File sizes as Japanese sites show them next to a download link (PDF 120KB).</summary>
internal static class FileSizes
{
    public static string Format(long bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes}B"),
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{Math.Ceiling(bytes / 1024d)}KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024d * 1024d):0.#}MB"),
    };
}
