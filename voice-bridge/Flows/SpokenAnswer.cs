using System.Security;
using System.Text;
using System.Text.RegularExpressions;

namespace ConversationHub.VoiceBridge.Flows;

/// <summary>
/// Turns an FAQ answer written for the screen into one made for the ear: no Markdown, no addresses read out, at most two
/// short sentences, and SSML that reads phone numbers, dates and times correctly. What was left out is what the SMS
/// carries (the FAQ's address).
/// </summary>
public static partial class SpokenAnswer
{
    /// <summary>The most sentences read out of one answer.</summary>
    public const int MaxSentences = 2;

    /// <summary>The answer as plain text for the ear (at most <see cref="MaxSentences"/> sentences).</summary>
    public static string PlainText(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var text = MarkdownLink().Replace(markdown, "$1");
        text = Url().Replace(text, "");
        text = Emphasis().Replace(text, "$2");
        text = ListMarker().Replace(text, "");
        text = Heading().Replace(text, "");
        text = Spaces().Replace(text.Replace('\n', ' ').Replace('\r', ' '), " ").Trim();
        var sentences = SentenceEnd().Split(text).Select(s => s.Trim()).Where(s => s.Length > 0 && !IsOnlyPunctuation(s)).Take(MaxSentences);
        return string.Concat(sentences.Select(s => s.EndsWith('。') || s.EndsWith('！') || s.EndsWith('？') ? s : s + "。"));
    }

    /// <summary>The answer as SSML for Azure's neural voices: phone numbers by digit, times as times, dates as dates.</summary>
    public static string Ssml(string markdown, string voiceName, string language = "ja-JP")
    {
        var plain = PlainText(markdown);
        var body = new StringBuilder();
        var last = 0;
        foreach (Match match in Readable().Matches(plain))
        {
            body.Append(SecurityElement.Escape(plain[last..match.Index]));
            var kind = match.Groups["phone"].Success ? "telephone" : match.Groups["time"].Success ? "time" : "date";
            var format = kind switch
            {
                "time" => " format=\"hms24\"",
                "date" => " format=\"ymd\"",
                _ => "",
            };
            body.Append("<say-as interpret-as=\"").Append(kind).Append('"').Append(format).Append('>')
                .Append(SecurityElement.Escape(match.Value)).Append("</say-as>");
            last = match.Index + match.Length;
        }

        body.Append(SecurityElement.Escape(plain[last..]));
        return $"<speak version=\"1.0\" xmlns=\"http://www.w3.org/2001/10/synthesis\" xml:lang=\"{SecurityElement.Escape(language)}\">"
            + $"<voice name=\"{SecurityElement.Escape(voiceName)}\">{body}</voice></speak>";
    }

    private static bool IsOnlyPunctuation(string s) => s.All(c => char.IsPunctuation(c) || char.IsWhiteSpace(c));

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"(https?://|www\.)[^\s）)」』、。]+")]
    private static partial Regex Url();

    [GeneratedRegex(@"(\*\*|__|\*|_|`)(.+?)\1")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"(?m)^\s*([-*+・]|\d+[.)])\s+")]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"(?m)^\s*#+\s*")]
    private static partial Regex Heading();

    [GeneratedRegex(@"[ \t　]+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"(?<=[。！？])")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"(?<!\d)(?:(?<phone>0\d{1,4}-\d{1,4}-\d{3,4})|(?<time>\d{1,2}:\d{2})|(?<date>\d{4}/\d{1,2}/\d{1,2}))(?!\d)")]
    private static partial Regex Readable();
}
