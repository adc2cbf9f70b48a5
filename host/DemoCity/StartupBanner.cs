using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace ConversationHub.Host.DemoCity;

/// <summary>
/// Prints, once the server listens, where the FAQ site and the staff console are and how to sign in. Written to
/// standard output for the person who started the host, not to the (JSON) logs.
/// </summary>
internal sealed class StartupBanner(IHostApplicationLifetime lifetime, IServer server, IOptions<DemoCityOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Print);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Print()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://127.0.0.1:5080";
        address = address.Replace("://[::]", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).TrimEnd('/');
        List<string> lines =
        [
            "",
            "ConversationHub が起動しました / ConversationHub is running",
            $"  FAQサイト (FAQ site):           {address}/",
            $"  職員コンソール (staff console): {address}/console",
            $"  ヘルスチェック (health):        {address}/healthz  {address}/readyz",
            $"  OpenAPI:                        {address}/openapi/v1.json",
        ];
        if (options.Value.Enabled)
        {
            var (_, source) = DemoPassword.Resolve(options.Value, Environment.CurrentDirectory);
            lines.Add("  デモアカウント (demo accounts): " + string.Join(", ", DemoAccount.All.Select(a => $"{a.UserName} ({a.Role})")));
            lines.Add(string.Equals(source, "DemoCity:Password", StringComparison.Ordinal)
                ? "  パスワード: 設定 DemoCity:Password の値 (password: the DemoCity:Password setting)"
                : $"  パスワード: 初回起動時に生成し {source} に保存 (password: generated on first start, stored in that file; set DemoCity__Password to choose one)");
            if (string.IsNullOrEmpty(options.Value.AdminAuthenticatorKey))
                lines.Add("  admin は初回サインイン時に認証アプリを登録します (admin enrols an authenticator app at first sign-in: two-factor sign-in is required of administrators)");
        }

        Console.Out.WriteLine(string.Join(Environment.NewLine, lines) + Environment.NewLine);
    }
}
