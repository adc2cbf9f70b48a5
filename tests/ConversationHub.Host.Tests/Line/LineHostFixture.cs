using ConversationHub.Core.Persistence;
using ConversationHub.Host.Tests.Infrastructure;

namespace ConversationHub.Host.Tests.Line;

/// <summary>
/// The platform with the LINE channel on, pointed at a <see cref="LineStubApi"/>, short poll and retry delays, and
/// the FAQ site's public origin (so links get absolute and marked). Tests use their own LINE user ids.
/// </summary>
public abstract class LineHostFixture(DatabaseProvider provider) : IAsyncLifetime
{
    public const string ChannelSecret = "line-test-secret-0123456789abcdef";
    public const string SiteOrigin = "https://faq.city.example";

    public HubHost Host { get; private set; } = null!;

    public LineStubApi Stub { get; private set; } = null!;

    public LineWebhookClient Webhook { get; private set; } = null!;

    public static Dictionary<string, string?> Settings(string stubUrl) => new(StringComparer.Ordinal)
    {
        ["Line:ChannelSecret"] = ChannelSecret,
        ["Line:ChannelAccessToken"] = "stub-access-token",
        ["Line:ApiBaseUrl"] = stubUrl,
        ["Line:DataApiBaseUrl"] = stubUrl,
        ["Line:PollInterval"] = "00:00:00.200",
        ["Line:RetryBaseDelay"] = "00:00:00.200",
        ["Line:DeliveryBatchWindow"] = "00:00:00.300",
        ["FaqSite:PublicBaseUrl"] = SiteOrigin,
    };

    public async Task InitializeAsync()
    {
        Stub = await LineStubApi.StartAsync();
        Host = await HubHost.StartAsync(provider, Settings(Stub.BaseUrl));
        Webhook = new LineWebhookClient(Host.CreateClient(), ChannelSecret);
    }

    public async Task DisposeAsync()
    {
        Webhook.Dispose();
        await Host.DisposeAsync();
        await Stub.DisposeAsync();
    }
}

public sealed class SqliteLineHostFixture() : LineHostFixture(DatabaseProvider.Sqlite);

public sealed class PostgresLineHostFixture() : LineHostFixture(DatabaseProvider.Postgres);
