using System.Text;
using System.Text.RegularExpressions;
using ConversationHub.Faq.Search.Misses;

namespace ConversationHub.Faq.Search.Terms;

/// <summary>
/// Turns a citizen's query into the term that is counted: NFKC (full-width letters and digits folded), lower case,
/// runs of spaces made one. A citizen may type personal data into a search box, so a query is not counted at all
/// (rather than masked) when it holds what <see cref="SearchQueryMasker"/> would mask — an e-mail address, a URL, a
/// phone number or any run of four or more digits — or is longer than <see cref="SearchTermCount.MaxTermLength"/>
/// (a sentence is more likely to carry a name or an address than a search word is).
/// </summary>
internal static partial class SearchTermNormaliser
{
    /// <summary>The term to count, or null when the query is not counted.</summary>
    public static string? Normalise(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Length > SearchTermCount.MaxTermLength * 2)
        {
            return null;
        }

        var term = Spaces().Replace(query.Normalize(NormalizationForm.FormKC).ToLowerInvariant(), " ").Trim();
        if (term.Length == 0 || term.Length > SearchTermCount.MaxTermLength)
        {
            return null;
        }

        try
        {
            return string.Equals(SearchQueryMasker.Apply(term), term, StringComparison.Ordinal) ? term : null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Spaces();
}
