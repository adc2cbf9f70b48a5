using ConversationHub.Core.ContactEvents.Domain;
using ConversationHub.Core.Faq;

namespace ConversationHub.Handoff.Reports.SelfService;

/// <summary>
/// The self-service report (セルフサービス状況・問い合わせ傾向). The center-wide figures (bot, FAQs, search) are null when
/// the report is scoped to a department, which they do not belong to; a null FAQ-site list means nothing records it.
/// </summary>
internal sealed record SelfServiceReport(
    SelfServiceQuery Query,
    IReadOnlyList<BotResolvedRow>? BotResolved,
    IReadOnlyList<TopFaqRow>? TopFaqs,
    IReadOnlyList<SearchTermFigure>? SearchTerms,
    IReadOnlyList<SearchTermFigure>? Misses,
    IReadOnlyList<FaqRatingFigure>? Ratings,
    IReadOnlyList<FaqCountFigure>? Views,
    CaseTrend Trend);

/// <summary>
/// A channel's bot-resolved share (ボット完結率): conversations the bot answered and never handed to a person, over
/// contacts that arrived. <see cref="Channel"/> null is the total row.
/// </summary>
internal sealed record BotResolvedRow(ContactChannel? Channel, int Arrived, int BotConversations, int HandedOff)
{
    /// <summary>Conversations the bot answered without a hand-off.</summary>
    public int Resolved => BotConversations - HandedOff;

    /// <summary><see cref="Resolved"/> / <see cref="Arrived"/>, or null when nothing arrived.</summary>
    public double? Share => Arrived == 0 ? null : (double)Resolved / Arrived;
}

/// <summary>An FAQ the bot answered with, and how often; <see cref="Title"/> is empty for an FAQ deleted since.</summary>
internal sealed record TopFaqRow(string FaqId, string Title, int Answers);

/// <summary>Cases per category and period (問い合わせ傾向): <see cref="Periods"/> are the periods' first days.</summary>
internal sealed record CaseTrend(IReadOnlyList<DateOnly> Periods, IReadOnlyList<CaseTrendRow> Rows, IReadOnlyList<int> Totals);

/// <summary>One category's cases per period, in the order of <see cref="CaseTrend.Periods"/>.</summary>
internal sealed record CaseTrendRow(Guid? CategoryId, string Category, IReadOnlyList<int> Counts)
{
    /// <summary>The category's cases in the whole period.</summary>
    public int Total => Counts.Sum();
}
