using ConversationHub.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Core.Programs;

/// <summary>
/// The transcripts of a program's conversations: every activity (what the citizen and the agents wrote or said, with
/// the names, phone numbers and addresses in it) and every file sent. Deleted; the conversation row and its contact
/// events stay, so the reports keep counting the contacts.
/// </summary>
internal sealed class TranscriptProgramData(HubDbContext db) : IProgramDataPart
{
    public string Kind => "transcripts";

    public Task<long> CountAsync(Guid programId, CancellationToken cancellationToken) =>
        ProgramConversations.SumAsync(db, programId, async ids =>
            await db.Activities.CountAsync(a => ids.Contains(a.ConversationId), cancellationToken)
            + await db.Files.CountAsync(f => ids.Contains(f.ConversationId), cancellationToken), cancellationToken);

    public Task<long> DisposeAsync(Guid programId, CancellationToken cancellationToken) =>
        ProgramConversations.SumAsync(db, programId, async ids =>
            await db.Activities.Where(a => ids.Contains(a.ConversationId)).ExecuteDeleteAsync(cancellationToken)
            + await db.Files.Where(f => ids.Contains(f.ConversationId)).ExecuteDeleteAsync(cancellationToken), cancellationToken);
}
