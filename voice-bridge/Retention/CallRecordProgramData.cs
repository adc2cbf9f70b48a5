using ConversationHub.Core.Persistence;
using ConversationHub.Core.Programs;
using ConversationHub.VoiceBridge.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.VoiceBridge.Retention;

/// <summary>
/// The call records of a program's calls (the caller's number, the questions asked, the path through the flow),
/// deleted with the program's data; the contact events keep the calls' counts.
/// </summary>
internal sealed class CallRecordProgramData(HubDbContext hub, VoiceDbContext db) : IProgramDataPart
{
    public string Kind => "call_records";

    public Task<long> CountAsync(Guid programId, CancellationToken cancellationToken) =>
        ProgramConversations.SumAsync(hub, programId, ids => db.Calls.CountAsync(c => ids.Contains(c.ConversationId), cancellationToken), cancellationToken);

    public Task<long> DisposeAsync(Guid programId, CancellationToken cancellationToken) =>
        ProgramConversations.SumAsync(hub, programId, ids => db.Calls.Where(c => ids.Contains(c.ConversationId)).ExecuteDeleteAsync(cancellationToken), cancellationToken);
}
