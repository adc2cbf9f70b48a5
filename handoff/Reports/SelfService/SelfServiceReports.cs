using ConversationHub.Core.ContactEvents.Domain;
using ConversationHub.Core.ContactEvents.Figures;
using ConversationHub.Core.Faq;

namespace ConversationHub.Handoff.Reports.SelfService;

/// <summary>
/// Builds the self-service report from roll-ups only: arrivals from the hourly roll-up (<see cref="IContactFigures"/>),
/// bot conversations and FAQ answers from the daily self-service roll-ups (<see cref="ISelfServiceFigures"/>), the FAQ
/// site's counters through <see cref="IFaqSiteFigures"/> (the FAQ module answers it), and cases from the case table.
/// </summary>
internal sealed class SelfServiceReports(IContactFigures contacts, ISelfServiceFigures bot, IFaqSiteFigures site, CaseTrends trends)
{
    public async Task<SelfServiceReport> BuildAsync(SelfServiceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var trend = await trends.BuildAsync(query, cancellationToken);
        if (query.DepartmentId is not null)
        {
            return new SelfServiceReport(query, null, null, null, null, null, null, trend);
        }

        var (botResolved, topFaqs) = (await BotResolvedAsync(query, cancellationToken), await TopFaqsAsync(query, cancellationToken));
        if (query.ProgramId is not null)
        {
            // The FAQ site's searches, ratings and views come from no conversation and so from no program: a program's
            // report leaves them out, as the daily report leaves out its center-wide lists.
            return new SelfServiceReport(query, botResolved, topFaqs, null, null, null, null, trend);
        }

        var (from, to, top) = (query.FromJst, query.ToJst, SelfServiceQuery.Top);
        return new SelfServiceReport(
            query,
            botResolved,
            topFaqs,
            await site.TopSearchTermsAsync(from, to, top, cancellationToken),
            await site.TopMissesAsync(from, to, top, cancellationToken),
            await site.TopRatedAsync(from, to, top, cancellationToken),
            await site.TopViewedAsync(from, to, top, cancellationToken),
            trend);
    }

    private async Task<IReadOnlyList<BotResolvedRow>> BotResolvedAsync(SelfServiceQuery query, CancellationToken cancellationToken)
    {
        var hours = await contacts.HourlyAsync(new ContactFigureQuery(query.FromJst, query.ToJst, query.Channel, PerChannel: true, ProgramId: query.ProgramId), cancellationToken);
        var arrived = hours.GroupBy(h => h.Channel!.Value).ToDictionary(g => g.Key, g => g.Sum(h => h.Arrived ?? 0));
        var conversations = (await bot.BotConversationsAsync(query.FromJst, query.ToJst, query.Channel, query.ProgramId, cancellationToken)).ToDictionary(b => b.Channel);
        var rows = arrived.Keys.Union(conversations.Keys).Order()
            .Select(c => new BotResolvedRow(c, arrived.GetValueOrDefault(c), conversations.GetValueOrDefault(c)?.BotConversations ?? 0, conversations.GetValueOrDefault(c)?.HandedOff ?? 0))
            .ToList();
        rows.Add(new BotResolvedRow(null, rows.Sum(r => r.Arrived), rows.Sum(r => r.BotConversations), rows.Sum(r => r.HandedOff)));
        return rows;
    }

    private async Task<IReadOnlyList<TopFaqRow>> TopFaqsAsync(SelfServiceQuery query, CancellationToken cancellationToken)
    {
        var answers = await bot.TopFaqAnswersAsync(query.FromJst, query.ToJst, query.Channel, query.ProgramId, SelfServiceQuery.Top, cancellationToken);
        var titles = await site.TitlesAsync([.. answers.Select(a => a.FaqId)], cancellationToken);
        return [.. answers.Select(a => new TopFaqRow(a.FaqId, titles.GetValueOrDefault(a.FaqId, ""), a.Answers))];
    }
}
