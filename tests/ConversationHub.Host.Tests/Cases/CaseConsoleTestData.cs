using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using ConversationHub.Core.Persistence;
using ConversationHub.Host.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.Cases;

/// <summary>Cases made through the JSON API (as the console's tests' starting points) and the console's form tokens.</summary>
internal static partial class CaseConsoleTestData
{
    /// <summary>A department's id by its code (the demo city: 100100 市民課, 200100 総務課).</summary>
    public static async Task<Guid> DepartmentIdAsync(HubHost host, string code, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HubDbContext>().Departments.Where(d => d.Code == code).Select(d => d.Id).SingleAsync(ct);
    }

    /// <summary>Makes a case as the signed-in <paramref name="center"/> client and returns its id.</summary>
    public static async Task<Guid> CreateAsync(HttpClient center, string subject, string phone, CancellationToken ct)
    {
        using var response = await center.PostAsJsonAsync("/api/cases", new { channel = "Manual", @case = new { subject, contactName = "市民 花子", contactPhone = phone } }, ct);
        Assert.True(response.IsSuccessStatusCode, $"create: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();
    }

    /// <summary>Escalates a case to a department (reason FAQなし) as the signed-in center client.</summary>
    public static async Task EscalateAsync(HttpClient center, Guid caseId, Guid departmentId, CancellationToken ct)
    {
        using var response = await center.PostAsJsonAsync($"/api/cases/{caseId}/escalate", new { departmentId, reasons = new[] { "no_faq" }, message = "ご確認ください" }, ct);
        Assert.True(response.IsSuccessStatusCode, $"escalate: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
    }

    /// <summary>The case as the API shows it to <paramref name="client"/>.</summary>
    public static async Task<JsonElement> GetAsync(HttpClient client, Guid caseId, CancellationToken ct) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}", ct);

    /// <summary>The anti-forgery request token of a page's POST forms (the same for every page of one session).</summary>
    public static async Task<string> TokenAsync(HttpClient client, string pagePath, CancellationToken ct)
    {
        var html = await client.GetStringAsync(new Uri(pagePath, UriKind.Relative), ct);
        var match = AntiforgeryField().Match(html);
        Assert.True(match.Success, $"no anti-forgery token on {pagePath}");
        return match.Groups[1].Value;
    }

    /// <summary>Posts a case page handler the way its form does.</summary>
    public static async Task<HttpResponseMessage> PostHandlerAsync(
        HttpClient client, Guid caseId, string handler, string token, IEnumerable<KeyValuePair<string, string>> fields, CancellationToken ct)
    {
        using var content = new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", token)]);
        return await client.PostAsync(new Uri($"/console/cases/{caseId}?handler={handler}", UriKind.Relative), content, ct);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
