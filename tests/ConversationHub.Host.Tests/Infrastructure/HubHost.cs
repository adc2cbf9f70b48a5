using System.Collections.Concurrent;
using System.Net;
using ConversationHub.Core.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ConversationHub.Core.Persistence;
using ConversationHub.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ConversationHub.Host.Tests.Infrastructure;

/// <summary>
/// The whole platform on Kestrel at 127.0.0.1 (a real socket, not the in-memory test server), on a fresh
/// database of the chosen provider, with fresh keys and a known demo password.
/// </summary>
public sealed class HubHost : WebApplicationFactory<Program>
{
    public const string DemoPassword = "Wakaba2026Demo";

    /// <summary>
    /// The demo admin's authenticator key (<c>DemoCity:AdminAuthenticatorKey</c>): administrators must sign in with two
    /// factors, so the tests enrol the demo admin with a known key and compute its codes (<see cref="Totp"/>).
    /// </summary>
    public const string AdminAuthenticatorKey = "WAKABADAIDEMOADMINSECRETKEYSTWQA";

    private readonly Dictionary<string, string?> _settings;
    private readonly bool _ownsDatabase;
    private readonly Action<IServiceCollection>? _services;

    private HubHost(TestDatabase database, bool ownsDatabase, PiiProtectionOptions pii, IDictionary<string, string?> overrides, Action<IServiceCollection>? services)
    {
        _services = services;
        Database = database;
        Pii = pii;
        _ownsDatabase = ownsDatabase;
        _settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Database:Provider"] = database.Provider.ToString(),
            ["ConnectionStrings:Hub"] = database.ConnectionString,
            ["Pii:ActiveKeyId"] = pii.ActiveKeyId,
            ["Pii:Keys:" + pii.ActiveKeyId] = pii.Keys[pii.ActiveKeyId!],
            ["Pii:LookupKey"] = pii.LookupKey,
            ["DemoCity:Password"] = DemoPassword,
            ["DemoCity:AdminAuthenticatorKey"] = AdminAuthenticatorKey,
            // 125,000 postal codes per test host would cost seconds of CPU each; postal tests upload their own small files.
            ["DemoCity:LoadPostalCodes"] = "false",
            // Without an SMTP server, mail is written as .eml files: each host writes its own, outside the test's folder.
            ["Mail:Outbound:PickupDirectory"] = Path.Combine(Path.GetTempPath(), "hub-mail-out", Guid.NewGuid().ToString("N")),
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

    public PiiProtectionOptions Pii { get; }

    /// <summary>Every log line the host wrote (message and exception), for checks that logs hold no personal data.</summary>
    public ConcurrentQueue<string> Logs { get; } = new();

    public static async Task<HubHost> StartAsync(DatabaseProvider provider, IDictionary<string, string?>? overrides = null, CancellationToken cancellationToken = default)
    {
        var database = await TestDatabase.CreateAsync(provider, cancellationToken);
        try
        {
            return Start(database, ownsDatabase: true, TestPii.CreateOptions(), overrides);
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Starts a host on an existing database (a restart), with the given keys; the caller keeps the database.
    /// <paramref name="services"/> adds or replaces services after the host's own registrations.
    /// </summary>
    public static HubHost Start(TestDatabase database, bool ownsDatabase, PiiProtectionOptions pii, IDictionary<string, string?>? overrides = null, Action<IServiceCollection>? services = null)
    {
        var host = new HubHost(database, ownsDatabase, pii, overrides ?? new Dictionary<string, string?>(), services);
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

        builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(new CapturingLoggerProvider(Logs)));
        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase)
        {
            await Database.DisposeAsync();
        }
    }

    /// <summary>A browser client signed in as a demo account through the real sign-in form.</summary>
    public Task<HttpClient> SignInAsync(string userName, CancellationToken cancellationToken) =>
        SignInAsync(userName, new CookieContainer(), cancellationToken);

    /// <summary>Signs in through the real form, keeping the cookies in <paramref name="cookies"/> (a SignalR client can use them).</summary>
    public async Task<HttpClient> SignInAsync(string userName, CookieContainer cookies, CancellationToken cancellationToken, string password = DemoPassword)
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = cookies }) { BaseAddress = ClientOptions.BaseAddress };
        var response = await FormPost.SubmitAsync(client, "/account/login", new Dictionary<string, string>(StringComparer.Ordinal) { ["userName"] = userName, ["password"] = password }, cancellationToken);
        if (IsRedirectTo(response, "/account/verify") && userName == "admin")
        {
            response = await SubmitAuthenticatorCodeAsync(client, response, Totp.Code(AdminAuthenticatorKey), cancellationToken);
        }

        Xunit.Assert.True(IsRedirectTo(response, "/console"), $"sign-in as {userName} failed: {response.StatusCode} {response.Headers.Location}");
        return client;
    }

    /// <summary>The second sign-in step: posts <paramref name="code"/> (an app's code or a recovery code) on the page the password step redirected to.</summary>
    public static Task<HttpResponseMessage> SubmitAuthenticatorCodeAsync(HttpClient client, HttpResponseMessage passwordStep, string code, CancellationToken cancellationToken) =>
        FormPost.SubmitAsync(client, passwordStep.Headers.Location!.OriginalString, new Dictionary<string, string>(StringComparer.Ordinal) { ["code"] = code }, cancellationToken);

    public static bool IsRedirectTo(HttpResponseMessage response, string pathPrefix) =>
        response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found &&
        response.Headers.Location?.OriginalString.Contains(pathPrefix, StringComparison.OrdinalIgnoreCase) == true;
}
