using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using ConversationHub.Core.Identity;
using ConversationHub.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.Handoff;

/// <summary>
/// An agent's console as the server sees it: a staff member signed in through the real form, connected to the real
/// SignalR hub with the .NET client, recording what the server pushes.
/// </summary>
internal sealed class AgentClient : IAsyncDisposable
{
    private AgentClient(HubConnection connection, HttpClient http, Guid id)
    {
        Connection = connection;
        Http = http;
        Id = id;
        connection.On<Guid, DateTime>("offered", (conversationId, _) => Offers.Enqueue(conversationId));
        connection.On<Guid, long, JsonElement>("activity", (conversationId, sequence, line) => Activities.Enqueue((conversationId, sequence)));
        connection.On("queueChanged", () => Interlocked.Increment(ref _queueChanges));
    }

    private int _queueChanges;

    public HubConnection Connection { get; }

    /// <summary>The signed-in browser session (for the REST APIs).</summary>
    public HttpClient Http { get; }

    public Guid Id { get; }

    public ConcurrentQueue<Guid> Offers { get; } = new();

    public ConcurrentQueue<(Guid ConversationId, long Sequence)> Activities { get; } = new();

    public int QueueChanges => Volatile.Read(ref _queueChanges);

    /// <summary>Signs <paramref name="userName"/> in on <paramref name="host"/> and connects to the hub there.</summary>
    public static async Task<AgentClient> ConnectAsync(HubHost host, string userName, CancellationToken ct, string password = HubHost.DemoPassword)
    {
        var cookies = new CookieContainer();
        var http = await host.SignInAsync(userName, cookies, ct, password);
        Guid id;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            id = (await scope.ServiceProvider.GetRequiredService<UserManager<HubUser>>().FindByNameAsync(userName))!.Id;
        }

        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(host.ClientOptions.BaseAddress, "/hubs/agents"), options => options.Cookies = cookies)
            .Build();
        var client = new AgentClient(connection, http, id);
        await connection.StartAsync(ct);
        return client;
    }

    /// <summary>Creates a staff account with <paramref name="role"/> (the demo city has one per role).</summary>
    public static async Task CreateAccountAsync(HubHost host, string userName, string role, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<HubUser>>();
        if (await users.FindByNameAsync(userName) is not null)
        {
            return;
        }

        var user = new HubUser { UserName = userName, DisplayName = userName + " 職員" };
        var created = await users.CreateAsync(user, HubHost.DemoPassword);
        Assert.True(created.Succeeded, string.Join(", ", created.Errors.Select(e => e.Description)));
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        ct.ThrowIfCancellationRequested();
    }

    public async Task<JsonElement> InvokeAsync(string method, CancellationToken ct, params object?[] args) =>
        await Connection.InvokeCoreAsync<JsonElement>(method, args, ct);

    /// <summary>Calls an action and returns its result ({ok, error, message}).</summary>
    public async Task<(bool Ok, string Error, string? Message)> ActAsync(string method, CancellationToken ct, params object?[] args)
    {
        var result = await InvokeAsync(method, ct, args);
        return (result.GetProperty("ok").GetBoolean(), result.GetProperty("error").ValueKind == JsonValueKind.String ? result.GetProperty("error").GetString()! : result.GetProperty("error").ToString(), result.GetProperty("message").GetString());
    }

    public Task<(bool Ok, string Error, string? Message)> AvailableAsync(CancellationToken ct) => ActAsync("SetStatus", ct, "Available", null);

    /// <summary>Waits until the server offers <paramref name="conversationId"/> to this agent.</summary>
    public async Task WaitForOfferAsync(Guid conversationId, CancellationToken ct) =>
        await Eventually.UntilAsync(() => Offers.Contains(conversationId) ? "offered" : null, $"an offer of {conversationId}", ct);

    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync();
        Http.Dispose();
    }
}
