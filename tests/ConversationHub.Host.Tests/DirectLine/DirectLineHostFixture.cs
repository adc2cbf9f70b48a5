using ConversationHub.Core.Persistence;
using ConversationHub.Host.Tests.Infrastructure;

namespace ConversationHub.Host.Tests.DirectLine;

/// <summary>One platform on SQLite for the Direct Line tests: a generous token rate, one allowed origin, uploads in a temp folder.</summary>
public sealed class DirectLineHostFixture : IAsyncLifetime
{
    public const string AllowedOrigin = "https://www.city.wakabadai.example";

    private readonly string _uploads = Directory.CreateTempSubdirectory("hub-directline-uploads").FullName;

    public HubHost Host { get; private set; } = null!;

    public static Dictionary<string, string?> Settings(string uploads) => new(StringComparer.Ordinal)
    {
        ["DirectLine:AnonymousTokensPerWindow"] = "1000",
        ["DirectLine:AllowedOrigins:0"] = AllowedOrigin,
        ["DirectLine:UploadRootPath"] = uploads,
    };

    public async Task InitializeAsync() => Host = await HubHost.StartAsync(DatabaseProvider.Sqlite, Settings(_uploads));

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        Directory.Delete(_uploads, recursive: true);
    }
}
