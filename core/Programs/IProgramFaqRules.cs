namespace ConversationHub.Core.Programs;

/// <summary>
/// Which FAQs belong to programs (施策) and when each program stops needing them, for the FAQ module, which must not
/// depend on the handoff module where programs live. The handoff module registers the real rules; without it
/// (<see cref="NoProgramFaqRules"/>) no FAQ belongs to a program.
/// </summary>
/// <remarks>
/// Only a program's own FAQ set (its FAQ ids) is withheld after its end of service: its FAQ field is a shared category
/// that the city's standing FAQs use too (子育て), so a field never hides anything.
/// </remarks>
public interface IProgramFaqRules
{
    /// <summary>Hub topic published when a program's FAQs, dates or keep-after-end setting may have changed.</summary>
    public const string ChangedTopic = "programs.faqs";

    /// <summary>Every program that lists FAQs, with when it stops needing them.</summary>
    Task<IReadOnlyList<ProgramFaqRule>> ListAsync(CancellationToken cancellationToken);
}

/// <summary>One program's FAQ set.</summary>
/// <param name="ProgramId">The program.</param>
/// <param name="ProgramName">Its name, for the FAQ editors.</param>
/// <param name="FaqRefs">Its FAQs as the administrator entered them: FAQ ids (GUIDs) or the FAQs' external keys.</param>
/// <param name="WithheldFromUtc">From when its FAQs disappear (the first instant after its last day of service, Japan
/// time); null when they stay (<c>KeepFaqsAfterEnd</c>).</param>
public sealed record ProgramFaqRule(Guid ProgramId, string ProgramName, IReadOnlyList<string> FaqRefs, DateTime? WithheldFromUtc);

/// <summary>The rules of a platform without the handoff module: no FAQ belongs to a program.</summary>
public sealed class NoProgramFaqRules : IProgramFaqRules
{
    /// <inheritdoc />
    public Task<IReadOnlyList<ProgramFaqRule>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<ProgramFaqRule>>([]);
}
