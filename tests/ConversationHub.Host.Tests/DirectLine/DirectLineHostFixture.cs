using ConversationHub.Core.Persistence;
using ConversationHub.Host.Tests.Infrastructure;

namespace ConversationHub.Host.Tests.DirectLine;

/// <summary>One platform on SQLite for the Direct Line tests: a generous token rate and one allowed origin.</summary>
public sealed class DirectLineHostFixture : IAsyncLifetime
{
    public const string AllowedOrigin = "https://www.city.wakabadai.example";

    public HubHost Host { get; private set; } = null!;

    public static Dictionary<string, string?> Settings() => new(StringComparer.Ordinal)
    {
        ["DirectLine:AnonymousTokensPerWindow"] = "1000",
        ["DirectLine:AllowedOrigins:0"] = AllowedOrigin,
    };

    public async Task InitializeAsync() => Host = await HubHost.StartAsync(DatabaseProvider.Sqlite, Settings());

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
