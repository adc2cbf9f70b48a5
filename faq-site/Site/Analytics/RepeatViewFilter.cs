using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;

namespace ConversationHub.Faq.Site.Analytics;

/// <summary>
/// Counts a client's view of an FAQ once per <see cref="Window"/>, so reloads do not climb the ranking. The key is
/// a salted hash of the client address, user agent and FAQ id, held only in this node's memory: no address is
/// stored. With several nodes a reload that lands on another node counts again, which the ranking tolerates.
/// </summary>
internal sealed class RepeatViewFilter : IDisposable
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(30);

    // Bounded, so a flood of distinct clients cannot exhaust memory; when full, repeats simply count again.
    private readonly MemoryCache _seen = new(new MemoryCacheOptions { SizeLimit = 200_000 });

    // A fresh salt per process: the hashes cannot be matched against a list of addresses, even from a memory dump.
    private readonly byte[] _salt = RandomNumberGenerator.GetBytes(32);

    /// <summary>True the first time in the window; false for a repeat.</summary>
    public bool IsFirstView(string? clientAddress, string? userAgent, Guid faqId)
    {
        var input = Encoding.UTF8.GetBytes($"{clientAddress}\n{userAgent}\n{faqId:N}");
        var key = Convert.ToHexString(HMACSHA256.HashData(_salt, input));
        if (_seen.TryGetValue(key, out _))
        {
            return false;
        }

        _seen.Set(key, true, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Window, Size = 1 });
        return true;
    }

    public void Dispose() => _seen.Dispose();
}
