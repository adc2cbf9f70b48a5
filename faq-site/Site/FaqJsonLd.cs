using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace ConversationHub.Faq.Site;

/// <summary>schema.org <c>FAQPage</c> structured data for one FAQ, safe to place inside a <c>&lt;script&gt;</c> element.</summary>
internal static class FaqJsonLd
{
    // Japanese stays readable, while the encoder still escapes <, >, & and quotes (as \u003C …), so an answer
    // containing "</script>" cannot end the element.
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static string For(string question, string answerHtml, string url)
    {
        var document = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "FAQPage",
            ["url"] = url,
            ["mainEntity"] = new object[]
            {
                new Dictionary<string, object>(StringComparer.Ordinal)
                {
                    ["@type"] = "Question",
                    ["name"] = question,
                    ["acceptedAnswer"] = new Dictionary<string, object>(StringComparer.Ordinal)
                    {
                        ["@type"] = "Answer",
                        ["text"] = answerHtml,
                    },
                },
            },
        };
        return JsonSerializer.Serialize(document, Json);
    }
}
