using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace ConversationHub.Faq.Site.Feedback;

/// <summary>
/// Carries a search-result click from <c>/search/click</c> to the feedback form of the FAQ it opened: an opaque,
/// authenticated, expiring token naming the stored click judgement and the FAQ, so the page's address and form
/// never hold the query (which may name a person), and a forged or stale token is ignored. Data protection keys
/// are shared through the database, so any node reads a token another node made.
/// </summary>
internal sealed class SearchClickTokens(IDataProtectionProvider protection, TimeProvider time)
{
    /// <summary>Long enough to read an answer and come back to the form; short enough that a shared link soon goes stale.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(2);

    private readonly ITimeLimitedDataProtector _protector =
        protection.CreateProtector("ConversationHub.Faq.SearchClick.v1").ToTimeLimitedDataProtector();

    public string Protect(long clickJudgementId, Guid faqId) =>
        _protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{clickJudgementId}:{faqId:N}"), time.GetUtcNow().Add(Lifetime));

    /// <summary>The click judgement's id when <paramref name="token"/> is genuine, unexpired and made for <paramref name="faqId"/>; otherwise null.</summary>
    public long? TryRead(string? token, Guid faqId)
    {
        if (string.IsNullOrEmpty(token))
            return null;
        string payload;
        try
        {
            payload = _protector.Unprotect(token, out var expiration);
            if (expiration < time.GetUtcNow())
                return null;
        }
        catch (CryptographicException)
        {
            // Forged, truncated, expired or made with a revoked key: the feedback is still stored, without a judgement.
            return null;
        }

        var parts = payload.Split(':');
        return parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            && Guid.TryParseExact(parts[1], "N", out var forFaq) && forFaq == faqId
            ? id
            : null;
    }
}
