using System.Security.Cryptography;

namespace ConversationHub.Bot.DirectLine.Tokens;

/// <summary>User ids on the Direct Line channel.</summary>
internal static class DirectLineUserIds
{
    private const int MaxLength = 64;

    /// <summary>A fresh anonymous citizen id, <c>dl_</c> and 24 random hex digits.</summary>
    public static string NewAnonymous() => "dl_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    /// <summary>Whether an embedder-supplied id is short and made of safe characters (letters, digits, <c>-_.:@</c>).</summary>
    public static bool IsValid(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= MaxLength && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':' or '@');
}
