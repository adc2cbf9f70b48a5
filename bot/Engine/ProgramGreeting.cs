using System.Globalization;
using ConversationHub.Bot.Resources;
using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Programs;
using ConversationHub.Faq.Persistence;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Bot.Engine;

/// <summary>
/// The greeting of a conversation that came through a program's entry (施策): it names the program and starts the search
/// scoped to the program's FAQ field, so the citizen's first question is answered from the program's FAQs. A program no
/// longer in service (its entry starts ordinary chats then) gets the ordinary greeting; its keyword then answers with its
/// end message and where to go instead. When the program takes reservations, the greeting offers
/// <see cref="ProgramBooking"/>'s 「予約する」 and 「予約の変更・取り消し」.
/// </summary>
internal sealed class ProgramGreeting(IProgramDirectory programs, FaqDbContext faq, BotActivityWriter writer, IStringLocalizer<ProgramBotStrings> strings, IStringLocalizer<BotStrings> botStrings, ProgramBooking booking)
{
    private static readonly CultureInfo Japanese = CultureInfo.GetCultureInfo("ja-JP");

    /// <summary>Greets <paramref name="conversation"/> as its program's; false when it has no program in service.</summary>
    public async Task<bool> TryGreetAsync(Conversation conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        if (conversation.ProgramId is not { } programId || await programs.FindAsync(programId, cancellationToken) is not { InService: true } program)
        {
            return false;
        }

        await GreetAsync(conversation, program, null, cancellationToken);
        return true;
    }

    /// <summary>
    /// Answers a program's keyword (LINE, its rich-menu button, or typed in the web chat): the program's greeting when the
    /// conversation entered the program with it, its end message and where to go instead when its service has ended.
    /// False for any other text.
    /// </summary>
    public async Task<bool> TryAnswerKeywordAsync(Conversation conversation, string text, string replyToId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        if (await programs.FindByLineKeywordAsync(text, cancellationToken) is not { } program)
        {
            return false;
        }

        if (program.InService && conversation.ProgramId == program.Id)
        {
            await GreetAsync(conversation, program, replyToId, cancellationToken);
            return true;
        }

        if (!program.HasEnded)
        {
            return false;
        }

        var ended = program.AfterEndGuidance.Length == 0 ? program.EndMessage : program.EndMessage + "\n\n" + program.AfterEndGuidance;
        await writer.SendAsync(conversation, BotActivities.Message(ended, replyToId), cancellationToken);
        return true;
    }

    private async Task GreetAsync(Conversation conversation, ProgramEntry program, string? replyToId, CancellationToken cancellationToken)
    {
        var scope = program.FaqCategory is { Length: > 0 } category ? await CategoryScope.FindAsync(faq, category, cancellationToken) : null;
        var offers = await booking.OffersAsync(conversation, program, cancellationToken);
        if (scope is null)
        {
            await writer.SendAsync(conversation, BotActivities.Message(string.Format(Japanese, strings["ProgramGreeting"], program.Name), replyToId, offers), cancellationToken);
            return;
        }

        var widen = botStrings["AllFields"].Value;
        var greeting = BotActivities.Message(string.Format(Japanese, strings["ProgramGreetingScoped"], program.Name, scope.Name), replyToId, [.. offers, (widen, widen)]);
        await writer.SendAsync(conversation, CategoryScope.Mark(greeting, scope), cancellationToken);
    }
}
