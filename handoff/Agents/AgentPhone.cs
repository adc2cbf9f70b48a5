using System.Text.RegularExpressions;

namespace ConversationHub.Handoff.Agents;

/// <summary>
/// An agent's phone for calls (<see cref="AgentPresence.PhoneTarget"/>): a number in E.164 (a desk phone reached over
/// the PSTN or the city's SBC) or an ACS user identity (a softphone), the two kinds ACS can transfer to.
/// </summary>
public static partial class AgentPhone
{
    /// <summary>The longest target stored.</summary>
    public const int MaxLength = 200;

    /// <summary>Whether <paramref name="target"/> is an E.164 number or an ACS identity.</summary>
    public static bool IsValid(string? target) =>
        target is { Length: > 0 and <= MaxLength } && (E164().IsMatch(target) || AcsUser().IsMatch(target));

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$", RegexOptions.CultureInvariant)]
    private static partial Regex E164();

    [GeneratedRegex(@"^8:acs:[A-Za-z0-9_\-.:]{1,190}$", RegexOptions.CultureInvariant)]
    private static partial Regex AcsUser();
}
