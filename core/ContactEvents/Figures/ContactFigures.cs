using ConversationHub.Core.ContactEvents.Domain;

namespace ConversationHub.Core.ContactEvents.Figures;

/// <summary>
/// The figures of one Japan-time hour (and channel, when asked per channel), from the hourly roll-up. A figure is null
/// when no module records its event yet (<see cref="ContactEventProducers"/>): the report shows the column empty rather
/// than a zero nobody measured.
/// </summary>
/// <param name="HourJst">The hour's start in Japan time (+09:00).</param>
/// <param name="Channel">The channel, or null for all channels.</param>
/// <param name="Arrived">Contacts that arrived.</param>
/// <param name="BotAnswered">Answers the bot gave with an FAQ.</param>
/// <param name="HandedOff">Hand-offs to the agents' queue.</param>
/// <param name="Offered">Offers to agents.</param>
/// <param name="Answered">Contacts a person answered.</param>
/// <param name="AnsweredWithin10s">Of those, answered within 10 seconds (wait ≤ 10.000 s).</param>
/// <param name="AnswerWaitMsSum">The answered contacts' waits, summed (ms).</param>
/// <param name="Abandoned">Contacts abandoned in the queue.</param>
/// <param name="AbandonWaitMsSum">The abandoned contacts' waits, summed (ms).</param>
/// <param name="Transferred">Transfers between agents.</param>
/// <param name="Escalated">Escalations to departments.</param>
/// <param name="Closed">Conversations closed by an agent.</param>
/// <param name="Congestion">Congestion messages (積滞).</param>
/// <param name="SatisfactionCount">Satisfaction ratings given.</param>
/// <param name="SatisfactionSum">The ratings, summed.</param>
public sealed record ContactFigures(
    DateTimeOffset HourJst,
    ContactChannel? Channel,
    int? Arrived,
    int? BotAnswered,
    int? HandedOff,
    int? Offered,
    int? Answered,
    int? AnsweredWithin10s,
    long? AnswerWaitMsSum,
    int? Abandoned,
    long? AbandonWaitMsSum,
    int? Transferred,
    int? Escalated,
    int? Closed,
    int? Congestion,
    int? SatisfactionCount,
    long? SatisfactionSum);
