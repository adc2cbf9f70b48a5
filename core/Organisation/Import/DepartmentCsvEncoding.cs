using System.Text.Json.Serialization;

namespace ConversationHub.Core.Organisation.Import;

/// <summary>The text encoding an organisation CSV was read with.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DepartmentCsvEncoding>))]
public enum DepartmentCsvEncoding
{
    /// <summary>Not determined: the file could not be decoded, or it was empty.</summary>
    Unknown,

    /// <summary>UTF-8 without a byte order mark (also plain ASCII).</summary>
    Utf8,

    /// <summary>UTF-8 with a byte order mark (Excel's "CSV UTF-8").</summary>
    Utf8WithBom,

    /// <summary>Shift_JIS as Windows code page 932 (Excel's default "CSV" on Japanese Windows).</summary>
    ShiftJis,
}
