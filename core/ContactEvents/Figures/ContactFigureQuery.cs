
using ConversationHub.Core.ContactEvents.Domain;

namespace ConversationHub.Core.ContactEvents.Figures;

/// <summary>A period of Japan-time days and optional filters for <see cref="IContactFigures"/>.</summary>
/// <param name="FromJst">The first day (Japan time).</param>
/// <param name="ToJst">The last day (Japan time), inclusive.</param>
/// <param name="Channel">Only this channel; all when null.</param>
/// <param name="DepartmentId">Only this department's rows (its escalations); all rows when null.</param>
/// <param name="Category">Only this category; all when null.</param>
/// <param name="ProgramId">Only the contacts of this program (施策); all when null.</param>
/// <param name="PerChannel">One row per hour and channel (true) or per hour over all channels (false).</param>
public sealed record ContactFigureQuery(
    DateOnly FromJst,
    DateOnly ToJst,
    ContactChannel? Channel = null,
    Guid? DepartmentId = null,
    string? Category = null,
    bool PerChannel = false,
    Guid? ProgramId = null);
