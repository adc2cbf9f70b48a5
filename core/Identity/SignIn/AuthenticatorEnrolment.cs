using QRCoder;

namespace ConversationHub.Core.Identity.SignIn;

/// <summary>
/// What an authenticator app needs to enrol: the <c>otpauth://</c> URI (Google Authenticator's key-URI format, read by
/// every common app), its QR code, and the key in groups of four for typing in by hand.
/// </summary>
internal static class AuthenticatorEnrolment
{
    /// <summary>The issuer the app shows next to the account; ASCII, because some apps mangle other characters.</summary>
    public const string Issuer = "ConversationHub";

    public static string KeyUri(string userName, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(userName)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6&period=30";

    /// <summary>
    /// The QR code as a PNG <c>data:</c> URI for an <c>img</c> element: the Content-Security-Policy already allows
    /// <c>data:</c> images (and only images), so no inline SVG or style has to be let through.
    /// </summary>
    public static string QrCodeDataUri(string keyUri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(keyUri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }

    /// <summary>"ABCD EFGH …": the Base32 key in lower-risk groups of four, as the apps' manual entry shows it.</summary>
    public static string Grouped(string key) =>
        string.Join(' ', key.Chunk(4).Select(c => new string(c)));

    /// <summary>A typed code without the spaces and hyphens people add; recovery codes keep their hyphen.</summary>
    public static string Normalise(string? code) =>
        (code ?? "").Trim().Replace(" ", "", StringComparison.Ordinal).Replace("\u3000", "", StringComparison.Ordinal);

    /// <summary>Whether <paramref name="code"/> looks like an app's 6-digit code rather than a recovery code.</summary>
    public static bool IsAppCode(string code) => code.Length == 6 && code.All(char.IsAsciiDigit);
}
