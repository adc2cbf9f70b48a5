using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace ConversationHub.Core.Http;

/// <summary>
/// The request's Content-Security-Policy nonce: one fresh random value per request, named in the
/// <c>script-src</c> and <c>style-src</c> of the response's policy and written on the page's own
/// <c>&lt;script&gt;</c> and <c>&lt;style&gt;</c> elements (<see cref="CspNonceTagHelper"/>), so the browser runs
/// what the page's author wrote and nothing an attacker manages to inject.
/// </summary>
public static class CspNonce
{
    private static readonly object ItemKey = new();

    /// <summary>
    /// The nonce of this request (base64url of 16 random bytes), made on first use. Base64url because Razor writes
    /// '+' in an attribute as <c>&amp;#x2B;</c>: browsers decode it, but the page source would no longer show the header's value.
    /// </summary>
    public static string GetCspNonce(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items.TryGetValue(ItemKey, out var value) && value is string existing)
        {
            return existing;
        }

        var nonce = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
        context.Items[ItemKey] = nonce;
        return nonce;
    }
}
