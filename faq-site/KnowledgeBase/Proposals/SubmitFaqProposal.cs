using ConversationHub.Faq.KnowledgeBase.Editing;
using ConversationHub.Faq.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Faq.KnowledgeBase.Proposals;

/// <summary>Records a staff member's FAQ proposal in the editors' queue, after checking it field by field.</summary>
internal sealed class SubmitFaqProposal(FaqDbContext db, TimeProvider time)
{
    public const int MaxCitizenQuestion = 4000;

    /// <summary>The new proposal's id, or Japanese messages per field (nothing stored).</summary>
    public async Task<(Guid? Id, Dictionary<string, string[]> Errors)> ExecuteAsync(FaqProposalInput input, Guid proposerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(input.Question) || input.Question.Trim().Length > FaqEditValidator.MaxQuestion)
        {
            errors["question"] = [$"提案する質問は1〜{FaqEditValidator.MaxQuestion}文字で入力してください。"];
        }

        if (input.Answer is { Length: > FaqEditValidator.MaxAnswer })
        {
            errors["answer"] = [$"提案する回答は{FaqEditValidator.MaxAnswer}文字以内で入力してください。"];
        }

        if (input.CitizenQuestion is { Length: > MaxCitizenQuestion })
        {
            errors["citizenQuestion"] = [$"市民からの質問は{MaxCitizenQuestion}文字以内で入力してください。"];
        }

        var source = FaqProposalSources.TryParse(input.Source);
        switch (source)
        {
            case null:
                errors["source"] = ["提案元は chat、case、faqpage、console のいずれかを指定してください。"];
                break;
            case FaqProposalSource.Chat when input.ConversationId is null:
                errors["conversationId"] = ["チャットからの提案には会話IDが必要です。"];
                break;
            case FaqProposalSource.Case when input.CaseId is null:
                errors["caseId"] = ["案件からの提案には案件IDが必要です。"];
                break;
            case FaqProposalSource.FaqPage when input.FaqId is null:
                errors["faqId"] = ["FAQページからの提案には対象のFAQを指定してください。"];
                break;
        }

        if (input.FaqId is { } faqId && !errors.ContainsKey("faqId") && !await db.Faqs.AnyAsync(f => f.Id == faqId, cancellationToken))
        {
            errors["faqId"] = ["指定されたFAQが見つかりません。"];
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var proposal = new FaqProposal(source!.Value, input.Question!.Trim(), proposerId, time.GetUtcNow().UtcDateTime)
        {
            FaqId = input.FaqId,
            ProposedAnswer = string.IsNullOrWhiteSpace(input.Answer) ? null : input.Answer,
            CitizenQuestion = string.IsNullOrWhiteSpace(input.CitizenQuestion) ? null : input.CitizenQuestion.Trim(),
            ConversationId = input.ConversationId,
            CaseId = input.CaseId,
        };
        db.Proposals.Add(proposal);
        await db.SaveChangesAsync(cancellationToken);
        return (proposal.Id, errors);
    }
}
