namespace ConversationHub.Core.Faq;

/// <summary>
/// What the reports read of the FAQ proposals (FAQ 提案) without depending on the FAQ module: the proposals made in a
/// period. The FAQ module registers the real one; without it (<see cref="NoFaqProposalReport"/>) the list is empty.
/// </summary>
public interface IFaqProposalReport
{
    /// <summary>The proposals made from <paramref name="fromUtc"/> (inclusive) to <paramref name="toUtc"/> (exclusive), oldest first.</summary>
    Task<IReadOnlyList<FaqProposalSummary>> ProposedAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken);
}

/// <summary>One proposal as the reports list it: staff-written text only, never the citizen's own words.</summary>
/// <param name="Id">The proposal's id.</param>
/// <param name="CreatedAtUtc">When it was made (UTC).</param>
/// <param name="Question">The proposed question (written by staff).</param>
/// <param name="Source">Where it was made: <c>Chat</c>, <c>Case</c>, <c>FaqPage</c> or <c>Console</c>.</param>
/// <param name="Status">Where it stands: <c>New</c>, <c>Accepted</c> or <c>Rejected</c>.</param>
public sealed record FaqProposalSummary(Guid Id, DateTime CreatedAtUtc, string Question, string Source, string Status);

/// <summary>The proposals of a platform without the FAQ module: none.</summary>
public sealed class NoFaqProposalReport : IFaqProposalReport
{
    /// <inheritdoc />
    public Task<IReadOnlyList<FaqProposalSummary>> ProposedAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<FaqProposalSummary>>([]);
}
