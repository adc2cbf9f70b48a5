namespace ConversationHub.Core.Organisation.Import;

/// <summary>The stable values of <see cref="DepartmentImportError.Code"/>. Clients may switch on them; never rename one.</summary>
public static class DepartmentImportErrorCodes
{
    /// <summary>The file has no header row.</summary>
    public const string EmptyFile = "empty_file";

    /// <summary>The bytes are neither UTF-8 nor Shift_JIS (for example UTF-16 or a binary file).</summary>
    public const string UnsupportedEncoding = "unsupported_encoding";

    /// <summary>The text is not well-formed CSV (for example a stray or unterminated quote).</summary>
    public const string InvalidCsv = "invalid_csv";

    /// <summary>A required column (code, name, kana) is not in the header.</summary>
    public const string MissingColumn = "missing_column";

    /// <summary>Two header cells name the same column (for example both 読み and カナ).</summary>
    public const string DuplicateColumn = "duplicate_column";

    /// <summary>A required value is empty.</summary>
    public const string Required = "required";

    /// <summary>A value is longer than the column allows (<see cref="DepartmentLimits"/>).</summary>
    public const string TooLong = "too_long";

    /// <summary>A department code has characters other than ASCII letters, digits, hyphen and underscore.</summary>
    public const string InvalidCode = "invalid_code";

    /// <summary>The same department code appears on more than one row of the file.</summary>
    public const string DuplicateCode = "duplicate_code";

    /// <summary>The parent code is neither in the file nor in the database.</summary>
    public const string UnknownParent = "unknown_parent";

    /// <summary>Following the parents from this row leads back to it (including through existing departments).</summary>
    public const string Cycle = "cycle";

    /// <summary>The e-mail address is not a plain address such as <c>shimin@city.example.lg.jp</c>.</summary>
    public const string InvalidEmail = "invalid_email";

    /// <summary>The extension has characters other than digits and hyphens.</summary>
    public const string InvalidExtension = "invalid_extension";

    /// <summary>The reading has characters other than katakana, hiragana, long vowel mark, middle dot and spaces.</summary>
    public const string InvalidKana = "invalid_kana";

    /// <summary>The active flag is not one of true/false/1/0/有効/無効/○/× (or empty).</summary>
    public const string InvalidActive = "invalid_active";
}
