namespace ConversationHub.Core.Organisation.Import;

/// <summary>A column of the organisation CSV: its canonical name, Japanese label and the header names accepted for it.</summary>
internal sealed record DepartmentCsvColumn(string Name, string Label, bool IsRequired, IReadOnlyList<string> Aliases)
{
    public static readonly DepartmentCsvColumn Code = new("code", "組織コード", true, ["組織コード", "code"]);
    public static readonly DepartmentCsvColumn DepartmentName = new("name", "組織名", true, ["組織名", "name"]);
    public static readonly DepartmentCsvColumn Kana = new("kana", "読み", true, ["読み", "よみ", "かな", "カナ", "kana"]);
    public static readonly DepartmentCsvColumn ParentCode = new("parent_code", "上位組織コード", false, ["上位組織コード", "親組織コード", "parent_code"]);
    public static readonly DepartmentCsvColumn Email = new("email", "メールアドレス", false, ["メールアドレス", "email"]);
    public static readonly DepartmentCsvColumn Extension = new("extension", "内線", false, ["内線", "内線番号", "extension"]);
    public static readonly DepartmentCsvColumn Active = new("active", "有効", false, ["有効", "active"]);

    /// <summary>Every column, in the order the template lists them.</summary>
    public static IReadOnlyList<DepartmentCsvColumn> All { get; } = [Code, DepartmentName, Kana, ParentCode, Email, Extension, Active];
}
