using ConversationHub.Core.ContactEvents.Domain;

namespace ConversationHub.Handoff.Reports.SelfService;

/// <summary>The self-service report's period (Japan-time days, both included) and filters.</summary>
/// <param name="FromJst">The first day.</param>
/// <param name="ToJst">The last day.</param>
/// <param name="Channel">Only this channel (bot figures and cases); all when null.</param>
/// <param name="DepartmentId">Only this department's cases; the center-wide self-service figures are then not shown.</param>
/// <param name="CategoryId">Only cases of this category (分類).</param>
/// <param name="ProgramId">
/// Only this program's (施策) contacts, bot figures and cases; the FAQ site's figures, which belong to no program, are
/// then not shown.
/// </param>
/// <param name="Grain">The trend's period: weeks (starting Monday) or months.</param>
internal sealed record SelfServiceQuery(
    DateOnly FromJst,
    DateOnly ToJst,
    ContactChannel? Channel = null,
    Guid? DepartmentId = null,
    Guid? CategoryId = null,
    Guid? ProgramId = null,
    TrendGrain Grain = TrendGrain.Week)
{
    /// <summary>The longest period, two years: the contract's final report spans at most that.</summary>
    public const int MaxDays = 731;

    /// <summary>How many rows each ranking shows.</summary>
    public const int Top = 20;
}

/// <summary>The period of the cases-per-category trend.</summary>
internal enum TrendGrain
{
    /// <summary>Weeks starting on Monday (Japan time).</summary>
    Week,

    /// <summary>Calendar months (Japan time).</summary>
    Month,
}
