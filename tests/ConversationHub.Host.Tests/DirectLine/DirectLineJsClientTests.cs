using System.Diagnostics;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;

namespace ConversationHub.Host.Tests.DirectLine;

/// <summary>
/// The official <c>botframework-directlinejs</c> (what Web Chat runs) against the server on 127.0.0.1:
/// <c>tests/js/directline.test.mjs</c> under <c>node --test</c>. Needs <c>npm ci</c> in tests/js (test.sh runs it).
/// </summary>
public sealed class DirectLineJsClientTests(DirectLineHostFixture fixture) : IClassFixture<DirectLineHostFixture>
{
    [Fact]
    public async Task DirectLineJs_ConversationOverWebSocket_EchoAnswerRefreshResume()
    {
        var ct = TestTimeout.Token(120);
        var root = RepositoryRoot();
        Assert.True(Directory.Exists(Path.Combine(root, "tests", "js", "node_modules", "botframework-directlinejs")), "Run npm ci in tests/js first (test.sh does).");
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { "--test", "tests/js/directline.test.mjs" },
            Environment = { ["HUB_DIRECTLINE_BASE_URL"] = fixture.Host.ClientOptions.BaseAddress.GetLeftPart(UriPartial.Authority) },
        };

        using var node = Process.Start(start)!;
        var stdout = node.StandardOutput.ReadToEndAsync(ct);
        var stderr = node.StandardError.ReadToEndAsync(ct);
        try
        {
            await node.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            node.Kill(entireProcessTree: true);
            throw;
        }

        var output = await stdout + await stderr;
        Assert.True(node.ExitCode == 0, "node --test failed:\n" + output);
        Assert.Contains("# pass 1", output, StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ConversationHub.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("ConversationHub.sln not found above " + AppContext.BaseDirectory);
    }
}
