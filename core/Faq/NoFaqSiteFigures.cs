namespace ConversationHub.Core.Faq;

/// <summary>The figures of a platform without the FAQ module: nothing is recorded, so every list is null (empty in reports).</summary>
public sealed class NoFaqSiteFigures : IFaqSiteFigures
{
    /// <inheritdoc />
    public Task<IReadOnlyList<SearchTermFigure>?> TopSearchTermsAsync(DateOnly fromJst, DateOnly toJst, int top, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SearchTermFigure>?>(null);

    /// <inheritdoc />
    public Task<IReadOnlyList<SearchTermFigure>?> TopMissesAsync(DateOnly fromJst, DateOnly toJst, int top, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SearchTermFigure>?>(null);

    /// <inheritdoc />
    public Task<IReadOnlyList<FaqRatingFigure>?> TopRatedAsync(DateOnly fromJst, DateOnly toJst, int top, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<FaqRatingFigure>?>(null);

    /// <inheritdoc />
    public Task<IReadOnlyList<FaqCountFigure>?> TopViewedAsync(DateOnly fromJst, DateOnly toJst, int top, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<FaqCountFigure>?>(null);

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, string>> TitlesAsync(IReadOnlyCollection<string> faqIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>());
}
