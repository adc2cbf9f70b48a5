using System.Text.RegularExpressions;

namespace ConversationHub.Host.Tests.Infrastructure;

/// <summary>Submits a server-rendered form the way a browser does: GET the page, take its anti-forgery token, POST.</summary>
public static partial class FormPost
{
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string pagePath, IDictionary<string, string> fields, CancellationToken cancellationToken)
    {
        var page = await client.GetStringAsync(new Uri(pagePath, UriKind.Relative), cancellationToken);
        var token = AntiforgeryField().Match(page);
        var values = new Dictionary<string, string>(fields, StringComparer.Ordinal);
        if (token.Success)
        {
            values["__RequestVerificationToken"] = token.Groups[1].Value;
        }

        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync(new Uri(pagePath, UriKind.Relative), content, cancellationToken);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
