using ConversationHub.Core.Audit;
using ConversationHub.Faq.Persistence;
using ConversationHub.Faq.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Faq.Translations;

/// <summary>
/// Adds, changes or removes one FAQ's translation into one language. Everything is checked first (a known language,
/// both texts or neither, lengths) with Japanese messages, and nothing is written on an error; each change is audited
/// (<see cref="FaqTranslationAuditActions"/>) with what changed, never the texts themselves.
/// </summary>
public sealed class SaveFaqTranslation(FaqDbContext db, IAuditLog audit, TimeProvider time, IStringLocalizer<FaqTranslationStrings> strings)
{
    public async Task<FaqTranslationSaveResult> ExecuteAsync(Guid faqId, FaqTranslationEdit edit, FaqTranslationEditor editor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(edit);
        ArgumentNullException.ThrowIfNull(editor);
        if (!await db.Faqs.AnyAsync(f => f.Id == faqId, cancellationToken))
        {
            return new FaqTranslationSaveResult(false, new Dictionary<string, string[]>());
        }

        var errors = Check(edit, out var language, out var question, out var answer);
        if (errors.Count > 0)
        {
            return new FaqTranslationSaveResult(true, errors);
        }

        var existing = await db.Translations.FirstOrDefaultAsync(t => t.FaqId == faqId && t.Language == language, cancellationToken);
        var target = $"faq:{faqId}:{language}";
        if (question.Length == 0)
        {
            if (existing is not null)
            {
                db.Translations.Remove(existing);
                await db.SaveChangesAsync(cancellationToken);
                await audit.AppendAsync(new AuditRecord(FaqTranslationAuditActions.Removed, editor.UserId, editor.UserName, target, null, editor.FromAddress), cancellationToken);
            }

            return new FaqTranslationSaveResult(true, new Dictionary<string, string[]>());
        }

        var changed = existing is null
            ? "question,answer"
            : string.Join(',', new[] { existing.Question != question ? "question" : null, existing.AnswerMarkdown != answer ? "answer" : null }.OfType<string>());
        if (changed.Length == 0)
        {
            return new FaqTranslationSaveResult(true, new Dictionary<string, string[]>());
        }

        var translation = existing ?? db.Translations.Add(new FaqTranslation(faqId, language, question, answer)).Entity;
        (translation.Question, translation.AnswerMarkdown) = (question, answer);
        translation.UpdatedAtUtc = time.GetUtcNow().UtcDateTime;
        translation.UpdatedByUserId = editor.UserId;
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(new AuditRecord(FaqTranslationAuditActions.Saved, editor.UserId, editor.UserName, target, changed, editor.FromAddress), cancellationToken);
        return new FaqTranslationSaveResult(true, new Dictionary<string, string[]>());
    }

    private Dictionary<string, string[]> Check(FaqTranslationEdit edit, out string language, out string question, out string answer)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        language = FaqLanguages.Normalize(edit.Language) ?? "";
        question = edit.Question?.Trim() ?? "";
        answer = edit.AnswerMarkdown?.Trim() ?? "";
        if (language.Length == 0)
        {
            errors["language"] = [strings["Error_Language"]];
        }

        if (question.Length > FaqTranslation.MaxQuestionLength)
        {
            errors["question"] = [strings["Error_QuestionLength", FaqTranslation.MaxQuestionLength]];
        }
        else if (question.Length == 0 && answer.Length > 0)
        {
            errors["question"] = [strings["Error_QuestionMissing"]];
        }

        if (answer.Length > FaqTranslation.MaxAnswerLength)
        {
            errors["answer"] = [strings["Error_AnswerLength", FaqTranslation.MaxAnswerLength]];
        }
        else if (answer.Length == 0 && question.Length > 0)
        {
            errors["answer"] = [strings["Error_AnswerMissing"]];
        }

        return errors;
    }
}
