using System.Net.Mail;

namespace ConversationHub.Core.Handoff;

/// <summary>The one rule for a citizen's e-mail address, shared by the case rules (handoff) and the chat's intake (bot).</summary>
public static class CitizenMailAddress
{
    /// <summary>
    /// Whether <paramref name="value"/> is one plain address (no display name, no list, a dot in the domain, at most 254
    /// characters). The caller trims and NFKC-normalises first (full-width <c>＠</c> becomes <c>@</c>).
    /// </summary>
    public static bool IsValid(string? value) =>
        value is { Length: > 0 and <= 254 } && MailAddress.TryCreate(value, out var parsed) && parsed.Address == value && value.Contains('@', StringComparison.Ordinal)
        && value[(value.IndexOf('@', StringComparison.Ordinal) + 1)..].Contains('.', StringComparison.Ordinal);
}
