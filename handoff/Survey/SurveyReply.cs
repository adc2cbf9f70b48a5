using System.Globalization;
using System.Text;
using ConversationHub.Handoff.Resources;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Handoff.Survey;

/// <summary>What the citizen's message means for the item it answers.</summary>
internal sealed record SurveyReply(SurveyReplyKind Kind, string? Choice = null, int? Score = null, string? Text = null)
{
    public const int MaxFreeTextLength = 2000;

    public static readonly SurveyReply Skipped = new(SurveyReplyKind.Skipped);

    /// <summary>
    /// Reads <paramref name="text"/> as the answer to <paramref name="item"/>: an option's label or its number (for five
    /// levels the digit is the score, 5 best), any text for free text, "スキップ" for an optional item.
    /// </summary>
    public static SurveyReply Read(SurveyItem item, string text, IStringLocalizer<SurveyStrings> strings, IReadOnlyList<string> levels)
    {
        var answer = Normalized(text);
        if (string.Equals(answer, strings["Skip"].Value, StringComparison.Ordinal))
        {
            return item.Required ? new(SurveyReplyKind.NotSkippable) : Skipped;
        }

        switch (item.Type)
        {
            case SurveyItemType.FreeText:
                var trimmed = text.Trim();
                return trimmed.Length > MaxFreeTextLength ? new(SurveyReplyKind.TooLong) : new(SurveyReplyKind.Answered, Text: trimmed);
            case SurveyItemType.FiveLevel:
                for (var score = 5; score >= 1; score--)
                {
                    var label = levels[5 - score];
                    if (string.Equals(answer, label, StringComparison.Ordinal) || answer == score.ToString(CultureInfo.InvariantCulture))
                        return new(SurveyReplyKind.Answered, Choice: label, Score: score);
                }

                return new(SurveyReplyKind.Invalid);
            default:
                for (var i = 0; i < item.Options.Count; i++)
                {
                    if (string.Equals(answer, Normalized(item.Options[i]), StringComparison.Ordinal) || answer == (i + 1).ToString(CultureInfo.InvariantCulture))
                        return new(SurveyReplyKind.Answered, Choice: item.Options[i]);
                }

                return new(SurveyReplyKind.Invalid);
        }
    }

    /// <summary>Yes (true), no (false) or neither (null) to the consent question: はい/いいえ or 1/2.</summary>
    public static bool? ReadConsent(string text, IStringLocalizer<SurveyStrings> strings)
    {
        var answer = Normalized(text);
        if (answer == "1" || string.Equals(answer, strings["Yes"].Value, StringComparison.Ordinal))
            return true;
        if (answer == "2" || string.Equals(answer, strings["No"].Value, StringComparison.Ordinal))
            return false;
        return null;
    }

    // Full-width digits and the like read as their plain forms (NFKC), as typed on a Japanese keyboard.
    private static string Normalized(string text) => text.Trim().Normalize(NormalizationForm.FormKC);
}

/// <summary>The kinds of <see cref="SurveyReply"/>.</summary>
internal enum SurveyReplyKind
{
    Answered,
    Skipped,
    Invalid,
    NotSkippable,
    TooLong,
}
