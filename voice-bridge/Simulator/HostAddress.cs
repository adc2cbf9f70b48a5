using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ConversationHub.VoiceBridge.Simulator;

/// <summary>This host's own base address, as the stand-in and our client reach it: http first, wildcard bindings on loopback.</summary>
internal static class HostAddress
{
    /// <summary>The first listening address with a trailing slash, or null before the server listens.</summary>
    public static Uri? Of(IServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses;
        var address = addresses?.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal)) ?? addresses?.FirstOrDefault();
        if (address is null)
        {
            return null;
        }

        address = address.Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal).Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal);
        return Uri.TryCreate(address.TrimEnd('/') + "/", UriKind.Absolute, out var uri) ? uri : null;
    }
}
