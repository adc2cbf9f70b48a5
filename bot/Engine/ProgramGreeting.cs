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
/// longer in service (its entry starts ordinary chats then) gets the ordinary greeting.
/// </summary>
internal sealed class ProgramGreeting(IProgramDirectory programs, FaqDbContext faq, BotActivityWriter writer, IStringLocalizer<ProgramBotStrings> strings, IStringLocalizer<BotStrings> botStrings)
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

        var scope = program.FaqCategory is { Length: > 0 } category ? await CategoryScope.FindAsync(faq, category, cancellationToken) : null;
        if (scope is null)
        {
            await writer.SendAsync(conversation, BotActivities.Message(string.Format(Japanese, strings["ProgramGreeting"], program.Name), null), cancellationToken);
            return true;
        }

        var widen = botStrings["AllFields"].Value;
        var greeting = BotActivities.Message(string.Format(Japanese, strings["ProgramGreetingScoped"], program.Name, scope.Name), null, [(widen, widen)]);
        await writer.SendAsync(conversation, CategoryScope.Mark(greeting, scope), cancellationToken);
        return true;
    }
}
