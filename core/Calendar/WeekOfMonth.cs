namespace ConversationHub.Core.Calendar;

/// <summary>Which occurrence of a weekday in its month (第1 … 第5, or 最終).</summary>
public enum WeekOfMonth
{
    /// <summary>The last occurrence in the month (最終), whether it is the fourth or the fifth.</summary>
    Last = -1,

    /// <summary>Days 1–7.</summary>
    First = 1,

    /// <summary>Days 8–14.</summary>
    Second = 2,

    /// <summary>Days 15–21.</summary>
    Third = 3,

    /// <summary>Days 22–28.</summary>
    Fourth = 4,

    /// <summary>Days 29–31; months without a fifth occurrence have no such day.</summary>
    Fifth = 5,
}
