using ConversationHub.Handoff.Resources;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Handoff.Programs.Languages;

/// <summary>The language badges' labels (<c>Lang_en</c> → 英語 English) for the consoles' scripts.</summary>
internal static class ConversationLanguageLabels
{
    private static readonly string[] Languages = ["en", "zh", "ko"];

    /// <summary><paramref name="texts"/> with the labels added.</summary>
    public static Dictionary<string, string> With(Dictionary<string, string> texts, IStringLocalizer<ProgramLanguageStrings> strings)
    {
        ArgumentNullException.ThrowIfNull(texts);
        foreach (var language in Languages)
        {
            texts["Lang_" + language] = strings["Lang_" + language];
        }

        return texts;
    }
}
