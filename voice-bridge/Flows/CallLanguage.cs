using System.Globalization;

namespace ConversationHub.VoiceBridge.Flows;

/// <summary>A language of the language menu: its culture for prompts and dates, and the neural voice that speaks it.</summary>
public sealed record CallLanguage(string Tag, CultureInfo Culture, string DefaultVoice)
{
    /// <summary>The languages the issue asks for, Japanese first; others fall back to Japanese.</summary>
    public static readonly IReadOnlyList<CallLanguage> All =
    [
        new("ja", CultureInfo.GetCultureInfo("ja-JP"), "ja-JP-NanamiNeural"),
        new("en", CultureInfo.GetCultureInfo("en-US"), "en-US-JennyNeural"),
        new("zh", CultureInfo.GetCultureInfo("zh-CN"), "zh-CN-XiaoxiaoNeural"),
        new("ko", CultureInfo.GetCultureInfo("ko-KR"), "ko-KR-SunHiNeural"),
        new("es", CultureInfo.GetCultureInfo("es-ES"), "es-ES-ElviraNeural"),
        // Portuguese speakers in Japan are mostly Brazilian.
        new("pt", CultureInfo.GetCultureInfo("pt-BR"), "pt-BR-FranciscaNeural"),
    ];

    /// <summary>The language of a BCP 47 primary tag, Japanese when unknown.</summary>
    public static CallLanguage Of(string? tag) => All.FirstOrDefault(l => string.Equals(l.Tag, tag, StringComparison.OrdinalIgnoreCase)) ?? All[0];
}
