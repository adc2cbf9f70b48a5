namespace ConversationHub.Core.ContactEvents.Figures;

/// <summary>Service-level figures for a period, read from the hourly roll-up only (never from the events).</summary>
public interface IContactFigures
{
    /// <summary>
    /// The figures per Japan-time hour of the query's days (hours with nothing recorded are left out), oldest first, per
    /// channel when <see cref="ContactFigureQuery.PerChannel"/>.
    /// </summary>
    Task<IReadOnlyList<ContactFigures>> HourlyAsync(ContactFigureQuery query, CancellationToken cancellationToken);
}
