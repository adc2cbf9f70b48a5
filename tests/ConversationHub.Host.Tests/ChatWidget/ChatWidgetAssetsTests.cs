using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;

namespace ConversationHub.Host.Tests.ChatWidget;

public sealed partial class ChatWidgetAssetsTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    [Fact]
    public async Task PublicPage_HasChatButtonButDoesNotLoadWebChat()
    {
        using var client = fixture.Host.CreateClient();

        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative), TestTimeout.Token());

        Assert.Contains("id=\"hub-chat-open\"", html, StringComparison.Ordinal);
        Assert.Contains("チャットで質問", html, StringComparison.Ordinal);
        Assert.Matches("<script src=\"/assets/chat-widget\\.js\" defer nonce=\"[^\"]+\"></script>", html);
        Assert.DoesNotMatch(WebChatScriptTag(), html);
    }

    [Fact]
    public async Task Bundle_IsTheOfficialWebChatServedCompressedAndCachedForAYear()
    {
        using var client = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = fixture.Host.ClientOptions.BaseAddress };
        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative), TestTimeout.Token());
        var bundlePath = BundleAttribute().Match(html).Groups[1].Value;
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(bundlePath, UriKind.Relative));
        request.Headers.AcceptEncoding.ParseAdd("gzip");

        using var response = await client.SendAsync(request, TestTimeout.Token());
        await using var gzip = new GZipStream(await response.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var script = await reader.ReadToEndAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches(@"^/assets/webchat-4\.18\.\d+\.js$", bundlePath);
        Assert.Equal("gzip", response.Content.Headers.ContentEncoding.Single());
        Assert.Contains("immutable", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.True(script.Length > 1_000_000, $"bundle is {script.Length} characters");
        Assert.Contains("renderWebChat", script, StringComparison.Ordinal);
        Assert.Contains("createDirectLine", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Loader_IsServedAndRevalidatesWithETag()
    {
        using var client = fixture.Host.CreateClient();
        var first = await client.GetAsync(new Uri("/assets/chat-widget.js", UriKind.Relative), TestTimeout.Token());
        using var again = new HttpRequestMessage(HttpMethod.Get, new Uri("/assets/chat-widget.js", UriKind.Relative));
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        var second = await client.SendAsync(again, TestTimeout.Token());

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("renderWebChat", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [GeneratedRegex("<script[^>]+webchat-[0-9.]+\\.js")]
    private static partial Regex WebChatScriptTag();

    [GeneratedRegex("data-bundle=\"([^\"]+)\"")]
    private static partial Regex BundleAttribute();
}
