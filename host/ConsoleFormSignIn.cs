using System.Net;
using System.Text.RegularExpressions;

namespace ConversationHub.Host;

/// <summary>Signs a staff account in through the real sign-in form (antiforgery token included), for the load and bench verbs.</summary>
internal static partial class ConsoleFormSignIn
{
    /// <summary>Signs <paramref name="userName"/> in on <paramref name="http"/> (which keeps the cookies and does not follow redirects).</summary>
    public static async Task SignInAsync(HttpClient http, string userName, string password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var page = await http.GetStringAsync(new Uri("/account/login", UriKind.Relative), cancellationToken);
        var token = AntiforgeryField().Match(page).Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["userName"] = userName,
            ["password"] = password,
            ["__RequestVerificationToken"] = token,
        });
        using var signedIn = await http.PostAsync(new Uri("/account/login", UriKind.Relative), form, cancellationToken);
        if (signedIn.StatusCode != HttpStatusCode.Redirect || signedIn.Headers.Location?.OriginalString.Contains("/console", StringComparison.Ordinal) != true)
        {
            throw new InvalidOperationException($"{userName} could not sign in ({(int)signedIn.StatusCode}).");
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
