using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace ConversationHub.Handoff.Inquiry;

/// <summary>
/// The form's signed ticket: a one-time submission id and the time the form was shown, protected with ASP.NET Core Data
/// Protection (encrypted and authenticated with the keys every node shares through the database) and time-limited. The id
/// makes a repeated 送信 find the first case; the time enforces <see cref="InquiryOptions.MinFillTime"/>. A ticket that
/// does not unprotect (tampered, expired, from another key ring) is refused.
/// </summary>
internal sealed class InquiryFormToken(IDataProtectionProvider protection, IOptionsMonitor<InquiryOptions> options, TimeProvider time)
{
    private readonly ITimeLimitedDataProtector _protector =
        protection.CreateProtector("ConversationHub.Handoff.Inquiry.FormTicket.v1").ToTimeLimitedDataProtector();

    /// <summary>A new ticket: a fresh submission id, issued now.</summary>
    public string Issue()
    {
        var now = time.GetUtcNow();
        var payload = string.Create(CultureInfo.InvariantCulture, $"{Guid.NewGuid():N}|{now.UtcTicks}");
        return _protector.Protect(payload, now.Add(options.CurrentValue.FormLifetime));
    }

    /// <summary>The ticket's submission id and issue time; null when it is missing, tampered with or expired.</summary>
    public (Guid SubmissionId, DateTimeOffset IssuedAt)? Read(string? ticket)
    {
        if (string.IsNullOrEmpty(ticket) || ticket.Length > 1000)
        {
            return null;
        }

        try
        {
            var payload = _protector.Unprotect(ticket, out _);
            var parts = payload.Split('|');
            return parts.Length == 2 && Guid.TryParseExact(parts[0], "N", out var id) && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                ? (id, new DateTimeOffset(ticks, TimeSpan.Zero))
                : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>Whether the form was shown long enough ago to have been filled in by a person.</summary>
    public bool FilledSlowlyEnough(DateTimeOffset issuedAt) => time.GetUtcNow() - issuedAt >= options.CurrentValue.MinFillTime;
}
