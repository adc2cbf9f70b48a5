namespace ConversationHub.Handoff.Postal;

/// <summary>What is wrong with one line of a postal code file.</summary>
internal enum PostalLineProblem
{
    /// <summary>A quote inside an unquoted field, or an unterminated quote.</summary>
    Quote,

    /// <summary>Not the 15 columns of KEN_ALL (detail: how many).</summary>
    FieldCount,

    /// <summary>The postal code column is not 7 digits.</summary>
    Code,

    /// <summary>No prefecture or city name.</summary>
    MissingName,

    /// <summary>One of the 6 flag columns is not a digit.</summary>
    Flags,

    /// <summary>A data file of the npm package that is not the expected JSONP (detail: its name; the line is its ordinal).</summary>
    File,
}

/// <summary>A malformed line, skipped: its 1-based line number in the file, the problem and a detail (never the line's text).</summary>
internal sealed record PostalLineError(int Line, PostalLineProblem Problem, string? Detail);

/// <summary>
/// A parsed postal code file.
/// </summary>
/// <param name="Format">What was read: <c>ken_all-utf8</c>, <c>ken_all-shift_jis</c> or <c>jquery-jpostal-ja</c>.</param>
/// <param name="Entries">The candidates, ordered by code; one code can have several.</param>
/// <param name="Lines">Records read from the file (lines of KEN_ALL).</param>
/// <param name="MalformedCount">How many lines were skipped as malformed.</param>
/// <param name="Malformed">The first malformed lines (up to the reporting limit), in file order.</param>
internal sealed record PostalParseResult(string Format, IReadOnlyList<PostalAddress> Entries, int Lines, int MalformedCount, IReadOnlyList<PostalLineError> Malformed)
{
    /// <summary>The number of distinct codes.</summary>
    public int CodeCount { get; } = CountCodes(Entries);

    private static int CountCodes(IReadOnlyList<PostalAddress> entries)
    {
        var count = 0;
        for (var i = 0; i < entries.Count; i++)
        {
            if (i == 0 || !string.Equals(entries[i].Code, entries[i - 1].Code, StringComparison.Ordinal))
            {
                count++;
            }
        }

        return count;
    }
}
