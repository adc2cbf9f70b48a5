using System.Diagnostics;
using ConversationHub.Testing;

namespace ConversationHub.Host.Tests.Infrastructure;

/// <summary>Runs a <c>node --test</c> script of tests/js (the real npm peers) and returns its exit code and output.</summary>
public static class NodeTestRunner
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string script, IDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var root = Checkout.Root();
        Xunit.Assert.True(Directory.Exists(Path.Combine(root, "tests", "js", "node_modules")), "Run npm ci in tests/js first (test.sh does).");
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { "--test", script },
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var node = Process.Start(start)!;
        var stdout = node.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = node.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await node.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            node.Kill(entireProcessTree: true);
            throw;
        }

        return (node.ExitCode, await stdout + await stderr);
    }
}
