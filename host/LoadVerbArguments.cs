using System.Globalization;

namespace ConversationHub.Host;

/// <summary>What the load verbs (<c>handoff load</c>, <c>voice load</c>) parse alike: bounded numbers and the database and nodes.</summary>
internal static class LoadVerbArguments
{
    /// <summary>
    /// Reads <c>--json</c> and <c>--name value</c> pairs, each pair through <paramref name="option"/> (false: not a name
    /// or value it takes); returns why not, or null when every argument was read.
    /// </summary>
    public static string? Read(IReadOnlyList<string> args, Func<string, string, bool> option, out bool json)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(option);
        json = false;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name == "--json")
            {
                json = true;
                continue;
            }

            if (i + 1 >= args.Count)
            {
                return $"{name} needs a value.";
            }

            var value = args[++i];
            if (!option(name, value))
            {
                return $"bad argument {name} {value}.";
            }
        }

        return null;
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static bool TryInt(string text, int min, int max, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;

    /// <summary>The database and nodes given together make sense; otherwise why not.</summary>
    public static string? CheckDatabase(string? provider, string? connection, int nodes)
    {
        if ((provider == "postgres") != (connection is not null))
        {
            return "--provider postgres and --connection go together.";
        }

        return nodes > 1 && connection is null
            ? "--nodes 2 needs PostgreSQL (--provider postgres --connection …): SQLite is one node's database."
            : null;
    }
}
