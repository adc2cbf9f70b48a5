namespace ConversationHub.Core.Organisation;

/// <summary>Column lengths of <see cref="Department"/>, shared by the model and the CSV import's validation.</summary>
public static class DepartmentLimits
{
    /// <summary>Max length of <see cref="Department.Code"/>.</summary>
    public const int CodeLength = 20;

    /// <summary>Max length of <see cref="Department.Name"/> and <see cref="Department.Kana"/>.</summary>
    public const int NameLength = 100;

    /// <summary>Max length of <see cref="Department.Email"/>.</summary>
    public const int EmailLength = 254;

    /// <summary>Max length of <see cref="Department.Extension"/>.</summary>
    public const int ExtensionLength = 20;
}
