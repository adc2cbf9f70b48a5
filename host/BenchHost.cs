using ConversationHub.Core;
using ConversationHub.Core.Persistence;

namespace ConversationHub.Host;

/// <summary>
/// The platform on a scratch database for the bench verbs (<c>cases bench</c>, <c>faq csv bench</c>): SQLite in a temporary
/// folder, or the PostgreSQL database given with <c>--provider postgres --connection "…"</c>; core and the modules the
/// verb names, migrated, not started. Disposing it removes the folder.
/// </summary>
internal sealed class BenchHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly DirectoryInfo _scratch;

    private BenchHost(WebApplication app, DirectoryInfo scratch, string provider, IReadOnlyList<string> settings)
    {
        _app = app;
        _scratch = scratch;
        Provider = provider;
        Settings = settings;
    }

    /// <summary><c>sqlite</c> or <c>postgres</c>.</summary>
    public string Provider { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>The settings the platform was built with (<c>--Key=Value</c>), so a verb can start a node on the same database and keys.</summary>
    public IReadOnlyList<string> Settings { get; }

    public static async Task<BenchHost> StartAsync(string[] args, string name, Action<WebApplicationBuilder> addModules, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(addModules);
        var provider = Option(args, "--provider") ?? "sqlite";
        var scratch = Directory.CreateTempSubdirectory($"hub-{name}-");
        try
        {
            var connection = Option(args, "--connection") ?? $"Data Source={Path.Combine(scratch.FullName, "hub.db")}";
            string[] settings =
            [
                $"--Database:Provider={(provider == "postgres" ? "Postgres" : "Sqlite")}",
                $"--ConnectionStrings:Hub={connection}",
                $"--Pii:KeyFile={Path.Combine(scratch.FullName, "keys.json")}",
                "--Logging:LogLevel:Default=Warning",
            ];
            var builder = HostSetup.CreateBuilder(settings);
            builder.AddHostDefaults();
            builder.AddCore();
            addModules(builder);
            var app = builder.Build();
            var host = new BenchHost(app, scratch, provider, settings);
            try
            {
                foreach (var context in app.Services.GetServices<IMigratableContext>())
                {
                    await context.MigrateAsync(app.Services, cancellationToken);
                }
            }
            catch
            {
                await host.DisposeAsync();
                throw;
            }

            return host;
        }
        catch
        {
            if (scratch.Exists)
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                scratch.Delete(recursive: true);
            }

            throw;
        }
    }

    /// <summary>The value after <paramref name="name"/> in <paramref name="args"/>, or null.</summary>
    public static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_scratch.Exists)
        {
            _scratch.Delete(recursive: true);
        }
    }
}
