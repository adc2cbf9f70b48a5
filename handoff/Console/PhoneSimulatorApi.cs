using Microsoft.AspNetCore.Routing;

namespace ConversationHub.Handoff.Console;

/// <summary>
/// The voice simulator's driver API (<c>/api/voice/simulator</c>) as the phone page knows it: by its HTTP address and one
/// endpoint name, never by type, since handoff does not reference voice-bridge. The API is mapped only when the voice
/// provider is the simulator, so an unknown name means the phone runs on ACS and the page has nothing to call.
/// </summary>
internal static class PhoneSimulatorApi
{
    // The name voice-bridge's SimulatedPhoneApi gives GET /api/voice/simulator/lines.
    private const string LinesEndpointName = "SimulatorLines";
    private const string LinesSuffix = "/lines";

    /// <summary>The API's base path (<c>/api/voice/simulator</c>), or null when the simulator is not running here.</summary>
    public static string? BasePath(LinkGenerator links)
    {
        ArgumentNullException.ThrowIfNull(links);
        return links.GetPathByName(LinesEndpointName, values: null) is { } lines && lines.EndsWith(LinesSuffix, StringComparison.Ordinal)
            ? lines[..^LinesSuffix.Length]
            : null;
    }
}
