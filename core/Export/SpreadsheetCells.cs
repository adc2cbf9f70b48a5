namespace ConversationHub.Core.Export;

/// <summary>
/// Keeps exported text cells from running as formulas when a CSV or workbook is opened in a spreadsheet (CSV
/// injection): a cell that starts like a formula gets a leading apostrophe, which the FAQ import takes off again.
/// Every export of the platform writes its text cells through <see cref="Neutralise(string)"/>.
/// </summary>
public static class SpreadsheetCells
{
    /// <summary>The cell as written: prefixed with <c>'</c> when it starts with <c>= + - @</c>, a tab or a carriage return.</summary>
    public static string Neutralise(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length > 0 && IsFormulaStart(value[0]) ? "'" + value : value;
    }

    /// <summary>As <see cref="Neutralise(string)"/>, keeping null (an empty cell).</summary>
    public static string? NeutraliseOrNull(string? value) => value is null ? null : Neutralise(value);

    /// <summary>The cell's text as it was before <see cref="Neutralise(string)"/> (for importing what was exported).</summary>
    public static string Restore(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length > 1 && value[0] == '\'' && IsFormulaStart(value[1]) ? value[1..] : value;
    }

    private static bool IsFormulaStart(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r';
}
