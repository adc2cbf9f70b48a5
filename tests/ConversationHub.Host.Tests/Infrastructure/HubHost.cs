using System.Net;
using ConversationHub.Core.Persistence;
using ConversationHub.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ConversationHub.Host.Tests.Infrastructure;

/// <summary>
/// The whole platform on Kestrel at 127.0.0.1 (a real socket, not the in-memory test server), on a fresh
/// database of the chosen provider, with fresh keys and a known demo password.
/// </summary>
public sealed class HubHost : WebApplicationFactory<Program>
{
    public const string DemoPassword = "Wakaba2026Demo";

    private readonly Dictionary<string, string?> _settings;

    private HubHost(TestDatabase database, IDictionary<string, string?> overrides)
    {
        Database = database;
        var pii = TestPii.CreateOptions();
        _settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Database:Provider"] = database.Provider.ToString(),
            ["ConnectionStrings:Hub"] = database.ConnectionString,
            ["Pii:ActiveKeyId"] = pii.ActiveKeyId,
            ["Pii:Keys:" + pii.ActiveKeyId] = pii.Keys[pii.ActiveKeyId!],
            ["Pii:LookupKey"] = pii.LookupKey,
            ["DemoCity:Password"] = DemoPassword,
            ["Logging:Console:FormatterName"] = "simple",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in overrides)
        {
            _settings[key] = value;
        }

        UseKestrel(0);
    }

    public TestDatabase Database { get; }

    public static async Task<HubHost> StartAsync(DatabaseProvider provider, IDictionary<string, string?>? overrides = null, CancellationToken cancellationToken = default)
    {
        var database = await TestDatabase.CreateAsync(provider, cancellationToken);
        var host = new HubHost(database, overrides ?? new Dictionary<string, string?>());
        host.StartServer();
        return host;
    }

    /// <summary>A client on the real socket that keeps cookies but does not follow redirects, so tests see them.</summary>
    public HttpClient CreateBrowserClient() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = ClientOptions.BaseAddress };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
    }

    public static bool IsRedirectTo(HttpResponseMessage response, string pathPrefix) =>
        response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found &&
        response.Headers.Location?.OriginalString.Contains(pathPrefix, StringComparison.OrdinalIgnoreCase) == true;
}
