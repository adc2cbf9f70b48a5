namespace ConversationHub.Faq.Ranking.Review;

/// <summary>
/// What the editor narrows the queue to. Every part is optional. A group matches the dates when it was seen
/// (first to last) at some time in the Japan-time days <see cref="FromDay"/> to <see cref="ToDay"/>, inclusive.
/// </summary>
/// <param name="Source">A name of <see cref="ReviewSources.All"/>: groups with at least one row from it.</param>
/// <param name="CategoryId">Groups whose FAQ has this category; search misses have no FAQ and never match.</param>
/// <param name="Text">Part of the masked query or of the FAQ's question (ordinal, case-insensitive).</param>
internal sealed record ReviewFilter(string? Source, DateOnly? FromDay, DateOnly? ToDay, Guid? CategoryId, string? Text)
{
    public static readonly ReviewFilter None = new(null, null, null, null, null);
}
