using System.Globalization;

namespace ConversationHub.Faq.CommandLine;

/// <summary>
/// The arguments of one host verb (<c>faq eval</c>, <c>faq train</c>, <c>faq bench</c>): <c>--name value</c>
/// options and <c>--flag</c> switches, with messages meant for the person at the terminal.
/// </summary>
internal sealed class VerbArguments
{
    private readonly Dictionary<string, string> _values;
    private readonly HashSet<string> _flags;

    private VerbArguments(Dictionary<string, string> values, HashSet<string> flags)
    {
        _values = values;
        _flags = flags;
    }

    /// <summary>Splits <paramref name="args"/>; unknown names and options without a value are errors.</summary>
    public static VerbArguments? TryParse(IReadOnlyList<string> args, IReadOnlyCollection<string> options, IReadOnlyCollection<string> flags, out string? error)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (flags.Contains(name))
            {
                set.Add(name);
                continue;
            }

            if (!options.Contains(name))
            {
                error = $"unknown argument '{name}'.";
                return null;
            }

            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                error = $"{name} needs a value.";
                return null;
            }

            values[name] = args[++i];
        }

        error = null;
        return new VerbArguments(values, set);
    }

    public string? Value(string name) => _values.GetValueOrDefault(name);

    public bool Flag(string name) => _flags.Contains(name);

    /// <summary>The names among <paramref name="required"/> that were not given, as "missing --a, --b." or null.</summary>
    public string? Missing(params string[] required)
    {
        var missing = required.Where(name => !_values.ContainsKey(name)).ToArray();
        return missing.Length == 0 ? null : $"missing {string.Join(", ", missing)}.";
    }

    /// <summary>A whole number option within [min, max], or <paramref name="fallback"/> when absent.</summary>
    public bool TryInt(string name, int min, int max, int fallback, out int value, out string? error, bool allowSign = false)
    {
        error = null;
        if (!_values.TryGetValue(name, out var text))
        {
            value = fallback;
            return true;
        }

        var styles = allowSign ? NumberStyles.AllowLeadingSign : NumberStyles.None;
        if (int.TryParse(text, styles, CultureInfo.InvariantCulture, out value) && value >= min && value <= max)
        {
            return true;
        }

        error = allowSign ? $"{name} must be a whole number, not '{text}'." : $"{name} must be a whole number from {min} to {max}, not '{text}'.";
        return false;
    }
}
