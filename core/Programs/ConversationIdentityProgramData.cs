using ConversationHub.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Core.Programs;

/// <summary>
/// Who a program's conversations were with: the citizen's id on the channel (a LINE user id, a phone number, a web
/// chat user id) and its look-up hash. Replaced by a mark that names no one, so the conversation can no longer be
/// tied to the citizen; a citizen who writes again starts a new conversation.
/// </summary>
internal sealed class ConversationIdentityProgramData(HubDbContext db) : IProgramDataPart
{
    /// <summary>What a disposed conversation's citizen key and hash become.</summary>
    public const string DisposedMark = "disposed";

    public string Kind => "conversation_identities";

    public Task<long> CountAsync(Guid programId, CancellationToken cancellationToken) =>
        db.Conversations.Where(c => c.ProgramId == programId && c.CitizenKeyHash != DisposedMark).LongCountAsync(cancellationToken);

    public async Task<long> DisposeAsync(Guid programId, CancellationToken cancellationToken) =>
        await db.Conversations.Where(c => c.ProgramId == programId && c.CitizenKeyHash != DisposedMark)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.CitizenKey, DisposedMark).SetProperty(c => c.CitizenKeyHash, DisposedMark), cancellationToken);
}
