namespace ConversationHub.Core.Faq;

/// <summary>
/// What other modules may ask of the FAQ knowledge base without depending on it (they meet in core): the citizen-visible
/// summary of one FAQ. The FAQ module registers the real lookup; without it (<see cref="NoFaqLookup"/>) nothing is found.
/// </summary>
public interface IFaqLookup
{
    /// <summary>
    /// The FAQ <paramref name="id"/> (its id, or the external key an import gave it) as citizens may see it now
    /// (published, public, within its period), or null when it is unknown, unpublished or not public.
    /// </summary>
    Task<FaqSummary?> FindAsync(string id, CancellationToken cancellationToken);
}

/// <summary>One FAQ as a link: its id, its question (the title citizens read) and its page's site-relative path.</summary>
/// <param name="Id">The FAQ's id as it appears in links (<c>/inquiry?faq={id}</c>).</param>
/// <param name="Title">The question.</param>
/// <param name="Path">The FAQ page's canonical path, for example <c>/faq/{id}/{slug}</c>.</param>
public sealed record FaqSummary(string Id, string Title, string Path);

/// <summary>The lookup of a platform without the FAQ module: no FAQ is ever found.</summary>
public sealed class NoFaqLookup : IFaqLookup
{
    /// <inheritdoc />
    public Task<FaqSummary?> FindAsync(string id, CancellationToken cancellationToken) => Task.FromResult<FaqSummary?>(null);
}
