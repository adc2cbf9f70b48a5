using System.Globalization;
using ConversationHub.Handoff.Resources;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Handoff.Postal;

/// <summary>The Japanese texts (<c>Postal_*</c> in HandoffStrings.resx) of postal code problems, for the API and the CLI.</summary>
internal static class PostalMessages
{
    public static string Of(IStringLocalizer<HandoffStrings> strings, PostalCodeProblem problem, string? detail)
    {
        ArgumentNullException.ThrowIfNull(strings);
        return strings[$"Postal_Code_{problem}", detail ?? string.Empty];
    }

    public static string Of(IStringLocalizer<HandoffStrings> strings, PostalLineError error)
    {
        ArgumentNullException.ThrowIfNull(strings);
        ArgumentNullException.ThrowIfNull(error);
        return strings[$"Postal_Line_{error.Problem}", error.Line.ToString(CultureInfo.InvariantCulture), error.Detail ?? string.Empty];
    }

    /// <summary>123-4567, as the code is written to people.</summary>
    public static string Display(string sevenDigits) => sevenDigits.Length == 7 ? $"{sevenDigits[..3]}-{sevenDigits[3..]}" : sevenDigits;
}
