using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ConversationHub.Core.Identity;
using ConversationHub.Core.Persistence;
using ConversationHub.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.Cases;

/// <summary>Accounts in departments, and the cases' JSON API as a signed-in staff member calls it.</summary>
internal static class CaseTestSupport
{
    /// <summary>The demo department of <c>dept-staff</c> and <c>approver</c> (市民課).</summary>
    public const string CitizensDivision = "100100";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A department's id by its code, or any active department other than <paramref name="except"/>.</summary>
    public static async Task<Guid> DepartmentAsync(HubHost host, string? code, string? except = null)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var hub = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        return code is not null
            ? await hub.Departments.Where(d => d.Code == code).Select(d => d.Id).SingleAsync()
            : await hub.Departments.Where(d => d.Code != except && d.IsActive).OrderBy(d => d.Code).Select(d => d.Id).FirstAsync();
    }

    /// <summary>Creates a staff account with roles, in a department (null: the contact center).</summary>
    public static async Task CreateAccountAsync(HubHost host, string userName, Guid? departmentId, params string[] roles)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<HubUser>>();
        if (await users.FindByNameAsync(userName) is not null)
        {
            return;
        }

        var user = new HubUser { UserName = userName, DisplayName = userName + " 職員", DepartmentId = departmentId };
        var created = await users.CreateAsync(user, HubHost.DemoPassword);
        Assert.True(created.Succeeded, string.Join(", ", created.Errors.Select(e => e.Description)));
        Assert.True((await users.AddToRolesAsync(user, roles)).Succeeded);
    }

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response, HttpStatusCode expected, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode} {response.StatusCode}, expected {expected}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<JsonElement> PostJsonAsync(this HttpClient client, string path, object body, HttpStatusCode expected, CancellationToken ct)
    {
        using var response = await client.PostAsJsonAsync(new Uri(path, UriKind.Relative), body, Json, ct);
        return await response.ReadJsonAsync(expected, ct);
    }

    public static async Task<JsonElement> PutJsonAsync(this HttpClient client, string path, object body, HttpStatusCode expected, CancellationToken ct)
    {
        using var response = await client.PutAsJsonAsync(new Uri(path, UriKind.Relative), body, Json, ct);
        return await response.ReadJsonAsync(expected, ct);
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string path, HttpStatusCode expected, CancellationToken ct)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), ct);
        return await response.ReadJsonAsync(expected, ct);
    }

    /// <summary>A case made by hand with the given contact; returns its JSON view.</summary>
    public static Task<JsonElement> CreateCaseAsync(this HttpClient client, object @case, CancellationToken ct) =>
        client.PostJsonAsync("/api/cases", new { channel = "Manual", @case }, HttpStatusCode.Created, ct);

    /// <summary>The first validation message of a problem's field.</summary>
    public static string ErrorOf(JsonElement problem, string field) =>
        problem.GetProperty("errors").GetProperty(field)[0].GetString()!;
}
