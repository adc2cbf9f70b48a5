using System.Globalization;
using System.Text;

namespace ConversationHub.Faq.Site;

/// <summary>
/// The readable last segment of an FAQ's URL, made from its question: <c>/faq/{id}/住民票の写しはどこで取れますか</c>.
/// </summary>
/// <remarks>
/// Japanese is kept (it is sent percent-encoded, and browsers and search engines show it decoded) because almost
/// every question here is Japanese and an ASCII-only slug would be empty or misleading. The text is NFKC
/// normalised (full-width letters become ASCII), ASCII is lower-cased, anything that is not a letter or digit
/// becomes one hyphen, and it is cut at <see cref="MaxLength"/> characters to keep shared links short. The id
/// alone identifies the FAQ: any other slug, or none, is answered with a permanent redirect to the canonical URL,
/// so links keep working after an editor rewords the question.
/// </remarks>
internal static class FaqSlug
{
    public const int MaxLength = 32;

    public static string From(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var normalized = question.Normalize(NormalizationForm.FormKC);
        var slug = new StringBuilder(MaxLength);
        var enumerator = StringInfo.GetTextElementEnumerator(normalized);
        while (enumerator.MoveNext() && slug.Length < MaxLength)
        {
            var element = enumerator.GetTextElement();
            if (char.IsLetterOrDigit(element, 0))
            {
                if (slug.Length + element.Length > MaxLength)
                {
                    break;
                }

                slug.Append(element.ToLowerInvariant());
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        return slug.ToString().Trim('-');
    }

    /// <summary>The site-relative canonical path, percent-encoded so it can go into a Location header.</summary>
    public static string CanonicalPath(Guid id, string question)
    {
        var slug = From(question);
        return slug.Length == 0 ? $"/faq/{id}" : $"/faq/{id}/{Uri.EscapeDataString(slug)}";
    }
}
