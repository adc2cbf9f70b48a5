using ConversationHub.Core.ContactEvents.Domain;

namespace ConversationHub.Core.ContactEvents.Figures;

/// <summary>The bot's self-service figures for a period of Japan-time days, read from the daily self-service roll-ups only.</summary>
public interface ISelfServiceFigures
{
    /// <summary>
    /// Per channel: conversations the bot answered (on the day of its first answer) and of them those handed off; only
    /// those of <paramref name="programId"/> (施策) when given.
    /// </summary>
    Task<IReadOnlyList<BotConversationFigures>> BotConversationsAsync(
        DateOnly fromJst, DateOnly toJst, ContactChannel? channel, Guid? programId, CancellationToken cancellationToken);

    /// <summary>
    /// The FAQs the bot answered with most often, most first (ties by id); only answers in conversations of
    /// <paramref name="programId"/> (施策) when given.
    /// </summary>
    Task<IReadOnlyList<FaqAnswerCount>> TopFaqAnswersAsync(
        DateOnly fromJst, DateOnly toJst, ContactChannel? channel, Guid? programId, int top, CancellationToken cancellationToken);
}

/// <summary>A channel's bot conversations.</summary>
/// <param name="Channel">The channel.</param>
/// <param name="BotConversations">Conversations the bot answered at least once.</param>
/// <param name="HandedOff">Of those, conversations handed off to a person too.</param>
public sealed record BotConversationFigures(ContactChannel Channel, int BotConversations, int HandedOff);

/// <summary>How often the bot answered with one FAQ.</summary>
/// <param name="FaqId">The FAQ's id as recorded.</param>
/// <param name="Answers">Answers.</param>
public sealed record FaqAnswerCount(string FaqId, int Answers);
