using System.Globalization;

namespace ConversationHub.Host;

/// <summary>What the load verbs (<c>handoff load</c>, <c>voice load</c>) parse alike: bounded numbers and the database and nodes.</summary>
internal static class LoadVerbArguments
{
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
