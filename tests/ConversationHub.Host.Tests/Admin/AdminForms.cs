using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using ConversationHub.Host.Tests.Infrastructure;

namespace ConversationHub.Host.Tests.Admin;

/// <summary>
/// Posts the user administration's forms the way a browser does, with repeated fields (roles, languages): GET the page
/// for its anti-forgery token, then POST to the handler.
/// </summary>
internal static partial class AdminForms
{
    public static async Task<(HttpStatusCode Status, string Body)> PostAsync(HttpClient client, string pagePath, string handler, IEnumerable<(string Name, string Value)> fields, CancellationToken ct)
    {
        var page = await client.GetStringAsync(new Uri(pagePath, UriKind.Relative), ct);
        var values = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToList();
        values.Add(new("__RequestVerificationToken", TokenOf(page)));
        using var content = new FormUrlEncodedContent(values);
        var separator = pagePath.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        using var response = await client.PostAsync(new Uri(pagePath + separator + "handler=" + handler, UriKind.Relative), content, ct);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(ct)));
    }

    /// <summary>Uploads <paramref name="csv"/> (UTF-8) on the import page; the page that answers, decoded.</summary>
    public static async Task<string> ImportAsync(HttpClient admin, string csv, CancellationToken ct)
    {
        var page = await admin.GetStringAsync(new Uri("/console/admin/users/import", UriKind.Relative), ct);
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(TokenOf(page)), "__RequestVerificationToken");
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "users.csv");
        using var response = await admin.PostAsync(new Uri("/console/admin/users/import", UriKind.Relative), form, ct);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(ct));
    }

    /// <summary>Signs in through the real form; true when the host let the account in (a redirect away from the form).</summary>
    public static async Task<(bool SignedIn, string Body)> TrySignInAsync(HubHost host, string userName, string password, CancellationToken ct)
    {
        using var client = host.CreateBrowserClient();
        using var response = await FormPost.SubmitAsync(client, "/account/login", new Dictionary<string, string>(StringComparer.Ordinal) { ["userName"] = userName, ["password"] = password }, ct);
        return (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/account/login", StringComparison.Ordinal) != true,
            WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(ct)));
    }

    /// <summary>The anti-forgery token of a rendered form.</summary>
    public static string TokenOf(string page) => Token().Match(page).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
