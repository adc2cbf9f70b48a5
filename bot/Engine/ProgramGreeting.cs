using System.Globalization;
using ConversationHub.Bot.Resources;
using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Conversations.Services;
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
/// <remarks>
/// A program with languages besides Japanese offers them as buttons, each named in itself (日本語 / English / 中文 /
/// 한국어); a pick moves the conversation to that language and greets again in it. The program's own texts show in the
/// citizen's language where an administrator translated them, else in Japanese with a short note.
/// </remarks>
internal sealed class ProgramGreeting(
    IProgramDirectory programs,
    IConversationStore store,
    FaqDbContext faq,
    BotActivityWriter writer,
    IStringLocalizer<ProgramBotStrings> strings,
    IStringLocalizer<BotStrings> botStrings,
    ProgramBooking booking)
{
    private static readonly string[] AnyLanguage = ["ja", "en", "zh", "ko"];

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
    /// A language button of the conversation's program moves the conversation to that language. False for any other text.
    /// </summary>
    public async Task<bool> TryAnswerKeywordAsync(Conversation conversation, string text, string replyToId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        if (await TryChooseLanguageAsync(conversation, text, replyToId, cancellationToken))
        {
            return true;
        }

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

        var language = conversation.Language;
        var end = program.TextIn(language, program.EndMessage, t => t.EndMessage);
        var guidance = program.TextIn(language, program.AfterEndGuidance, t => t.AfterEndGuidance);
        var ended = guidance.Text.Length == 0 ? end.Text : end.Text + "\n\n" + guidance.Text;
        await writer.SendAsync(conversation, BotActivities.Message(WithNote(ended, end, guidance), replyToId), cancellationToken);
        return true;
    }

    // Only a program's own languages are offered, so only they are taken; the conversation stays in its program.
    private async Task<bool> TryChooseLanguageAsync(Conversation conversation, string text, string replyToId, CancellationToken cancellationToken)
    {
        if (conversation.ProgramId is not { } programId || BotLanguage.ChosenBy(text, AnyLanguage) is null
            || await programs.FindAsync(programId, cancellationToken) is not { InService: true } program
            || BotLanguage.ChosenBy(text, program.Languages) is not { } chosen)
        {
            return false;
        }

        conversation.ChooseLanguage(chosen);
        await store.SaveAsync(conversation, cancellationToken);
        BotLanguage.Apply(chosen);
        await GreetAsync(conversation, program, replyToId, cancellationToken);
        return true;
    }

    private async Task GreetAsync(Conversation conversation, ProgramEntry program, string? replyToId, CancellationToken cancellationToken)
    {
        var culture = CultureInfo.CurrentUICulture;
        var name = program.TextIn(conversation.Language, program.Name, t => t.Name);
        IEnumerable<(string, string)> languages = program.Languages.Count > 1
            ? program.Languages.Where(BotLanguage.IsKnown).Select(tag => (BotLanguage.NativeName(tag), BotLanguage.NativeName(tag)))
            : [];
        var scope = program.FaqCategory is { Length: > 0 } category ? await CategoryScope.FindAsync(faq, category, cancellationToken) : null;
        var offers = await booking.OffersAsync(conversation, program, cancellationToken);
        if (scope is null)
        {
            var text = WithNote(string.Format(culture, strings["ProgramGreeting"], name.Text), name);
            await writer.SendAsync(conversation, BotActivities.Message(text, replyToId, [.. offers, .. languages]), cancellationToken);
            return;
        }

        var widen = botStrings["AllFields"].Value;
        var scoped = WithNote(string.Format(culture, strings["ProgramGreetingScoped"], name.Text, scope.Name), name);
        var greeting = BotActivities.Message(scoped, replyToId, [.. offers, (widen, widen), .. languages]);
        await writer.SendAsync(conversation, CategoryScope.Mark(greeting, scope), cancellationToken);
    }

    // One note, after the text, when any part of it is the Japanese for want of a translation.
    private string WithNote(string text, params LocalizedProgramText[] parts) =>
        parts.All(p => p.Translated) ? text : text + "\n\n" + strings["JapaneseOnlyNote"].Value;
}
