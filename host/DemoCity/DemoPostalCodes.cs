using System.Reflection;
using ConversationHub.Handoff.Postal;
using Microsoft.Extensions.Options;

namespace ConversationHub.Host.DemoCity;

/// <summary>
/// The demo's postal code dataset: the npm tarball of jquery-jpostal-ja embedded at build time (about 2.9 MB; about
/// 124,000 entries once businesses' own codes are left out). Loaded by the handoff module in the background when no
/// dataset is stored, so the demo's forms fill addresses out of the box.
/// </summary>
internal sealed class DemoPostalCodes(IOptions<DemoCityOptions> options) : IPostalSeedSource
{
    public const string ResourceName = "ConversationHub.Host.DemoCity.jpostal.tgz";

    public bool IsEnabled => options.Value.Enabled && options.Value.LoadPostalCodes;

    public string Name => "npm:jquery-jpostal-ja@" + Version;

    private static string Version => typeof(DemoPostalCodes).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .FirstOrDefault(a => a.Key == "JpostalVersion")?.Value ?? "unknown";

    public Task<byte[]> ReadAsync(CancellationToken cancellationToken) => ReadEmbeddedAsync(cancellationToken);

    /// <summary>The embedded tarball (also read by <c>postal bench</c>).</summary>
    public static async Task<byte[]> ReadEmbeddedAsync(CancellationToken cancellationToken)
    {
        await using var stream = typeof(DemoPostalCodes).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The resource {ResourceName} is missing: the build fetches it with npm pack.");
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
