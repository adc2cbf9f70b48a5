using System.Globalization;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Bot.Engine;

/// <summary>
/// The languages the bot speaks in a program's conversation (issue 19): Japanese, English, Chinese and Korean. A turn runs
/// in its conversation's language (<see cref="Apply"/>), so the resources' <c>.en</c>/<c>.zh</c>/<c>.ko</c> variants
/// answer; a text with no variant falls back to the neutral Japanese.
/// </summary>
internal static class BotLanguage
{
    /// <summary>The language of a conversation that never chose one.</summary>
    public const string Japanese = "ja";

    // Each language's button names it in itself, so a citizen who reads no Japanese still finds theirs.
    private static readonly (string Tag, string NativeName, string Culture)[] Known =
    [
        ("ja", "日本語", "ja-JP"),
        ("en", "English", "en-US"),
        ("zh", "中文", "zh-CN"),
        ("ko", "한국어", "ko-KR"),
    ];

    // The buttons a program conversation meets: typed in Japanese, they work in any language.
    private static readonly string[] ButtonKeys = ["Yes", "No", "TalkToOperator", "InquiryByMail", "BackToQuestions", "AnswerByMail", "StopWaiting", "AllFields", "IntakeCancel", "IntakeFix"];

    /// <summary>Whether the bot speaks <paramref name="tag"/>.</summary>
    public static bool IsKnown(string? tag) => Known.Any(k => string.Equals(k.Tag, tag, StringComparison.Ordinal));

    /// <summary>The language's name in itself (<c>English</c>, <c>中文</c>), or the tag.</summary>
    public static string NativeName(string tag) => Known.FirstOrDefault(k => string.Equals(k.Tag, tag, StringComparison.Ordinal)).NativeName ?? tag;

    /// <summary>The language whose button (its own name) is <paramref name="text"/>, among <paramref name="offered"/>; or null.</summary>
    public static string? ChosenBy(string text, IEnumerable<string> offered) =>
        offered.FirstOrDefault(tag => string.Equals(NativeName(tag), text.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The activity locale of the current language (<c>ja-JP</c> unless the turn speaks another).</summary>
    public static string CurrentLocale =>
        Known.FirstOrDefault(k => string.Equals(k.Tag, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, StringComparison.Ordinal)).Culture ?? "ja-JP";

    /// <summary>
    /// Makes the rest of the calling async flow speak <paramref name="tag"/> (Japanese when unknown). Always set, so a node
    /// whose own culture is English still answers a Japanese conversation in Japanese. Only the UI culture moves: numbers
    /// and dates keep their explicit Japanese formats.
    /// </summary>
    public static void Apply(string? tag)
    {
        var culture = Known.FirstOrDefault(k => string.Equals(k.Tag, tag, StringComparison.Ordinal)).Culture ?? "ja-JP";
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
    }

    /// <summary>
    /// A button's text typed in Japanese (はい, オペレーターと話す) as the current language's button, so the bot's own
    /// comparisons match it; any other text unchanged.
    /// </summary>
    public static string ButtonInCurrentLanguage(IStringLocalizer strings, string text)
    {
        ArgumentNullException.ThrowIfNull(strings);
        if (string.Equals(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, Japanese, StringComparison.Ordinal))
        {
            return text;
        }

        var trimmed = text.Trim();
        var current = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ja-JP");
            var key = ButtonKeys.FirstOrDefault(k => string.Equals(strings[k].Value, trimmed, StringComparison.Ordinal));
            CultureInfo.CurrentUICulture = current;
            return key is null ? text : strings[key].Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = current;
        }
    }
}
