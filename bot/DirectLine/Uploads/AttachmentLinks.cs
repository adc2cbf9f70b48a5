using System.Security.Cryptography;
using ConversationHub.Faq.Site;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace ConversationHub.Bot.DirectLine.Uploads;

/// <summary>
/// Links to uploaded files. The transcript stores the site-relative path; each time an activity is handed to a
/// client the path becomes absolute and gets a signature (<c>?s=</c>) that expires after
/// <see cref="DirectLineOptions.AttachmentLinkLifetime"/>, because an <c>&lt;img&gt;</c> cannot send the token. A
/// request with the conversation's token needs no signature.
/// </summary>
internal sealed class AttachmentLinks(IDataProtectionProvider dataProtection, IOptionsMonitor<DirectLineOptions> options, IOptionsMonitor<FaqSiteOptions> site)
{
    private const string Purpose = "ConversationHub.Bot.DirectLine.AttachmentLink.v1";
    private const string Prefix = "/v3/directline/conversations/";
    private const string Segment = "/attachments/";

    private readonly ITimeLimitedDataProtector _protector = dataProtection.CreateProtector(Purpose).ToTimeLimitedDataProtector();

    public static string PathOf(Guid conversationId, string key) => Prefix + conversationId.ToString() + Segment + key;

    public static bool IsStoredPath(string path) =>
        path.StartsWith(Prefix, StringComparison.Ordinal) && path.Contains(Segment, StringComparison.Ordinal) && !path.Contains('?', StringComparison.Ordinal);

    public string SignedAbsolute(HttpRequest request, string path)
    {
        ArgumentNullException.ThrowIfNull(request);
        var origin = string.IsNullOrWhiteSpace(site.CurrentValue.PublicBaseUrl)
            ? $"{request.Scheme}://{request.Host.ToUriComponent()}"
            : site.CurrentValue.PublicBaseUrl.TrimEnd('/');
        var signature = _protector.Protect(path, DateTimeOffset.UtcNow + options.CurrentValue.AttachmentLinkLifetime);
        return origin + path + "?s=" + Uri.EscapeDataString(signature);
    }

    public bool Verify(string path, string? signature)
    {
        if (string.IsNullOrEmpty(signature))
        {
            return false;
        }

        try
        {
            return string.Equals(_protector.Unprotect(signature), path, StringComparison.Ordinal);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
