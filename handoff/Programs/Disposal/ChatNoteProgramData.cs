using ConversationHub.Core.Persistence;
using ConversationHub.Core.Programs;
using ConversationHub.Handoff.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Handoff.Programs.Disposal;

/// <summary>
/// What agents and citizens wrote beside a program's conversations in the handoff's tables: the agents' notes
/// (deleted), the satisfaction comments and the survey's free-text answers (cleared; the ratings stay for the figures).
/// </summary>
internal sealed class ChatNoteProgramData(HubDbContext hub, HandoffDbContext db) : IProgramDataPart
{
    public string Kind => "chat_notes";

    public Task<long> CountAsync(Guid programId, CancellationToken cancellationToken) =>
        ProgramConversations.SumAsync(hub, programId, async ids =>
            await db.Notes.CountAsync(n => ids.Contains(n.ConversationId), cancellationToken)
            + await db.Requests.CountAsync(r => ids.Contains(r.ConversationId) && r.SatisfactionComment != null, cancellationToken)
            + await db.SurveyAnswers.CountAsync(a => ids.Contains(a.ConversationId) && a.Text != null, cancellationToken), cancellationToken);

    public Task<long> DisposeAsync(Guid programId, CancellationToken cancellationToken) =>
        ProgramConversations.SumAsync(hub, programId, async ids =>
            await db.Notes.Where(n => ids.Contains(n.ConversationId)).ExecuteDeleteAsync(cancellationToken)
            + await db.Requests.Where(r => ids.Contains(r.ConversationId) && r.SatisfactionComment != null)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.SatisfactionComment, (string?)null), cancellationToken)
            + await db.SurveyAnswers.Where(a => ids.Contains(a.ConversationId) && a.Text != null)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Text, (string?)null), cancellationToken), cancellationToken);
}
