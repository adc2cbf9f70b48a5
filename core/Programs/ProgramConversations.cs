using ConversationHub.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Core.Programs;

/// <summary>
/// The conversations that came through a program's entries, for the modules' <see cref="IProgramDataPart"/>s: their
/// ids (to find each module's rows of them) in chunks small enough for an <c>IN</c> list on either provider.
/// </summary>
public static class ProgramConversations
{
    /// <summary>The most ids in one chunk.</summary>
    public const int ChunkSize = 500;

    /// <summary>The ids of <paramref name="programId"/>'s conversations, in chunks of at most <see cref="ChunkSize"/>.</summary>
    public static async Task<IReadOnlyList<Guid[]>> ChunksAsync(HubDbContext hub, Guid programId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hub);
        var ids = await hub.Conversations.AsNoTracking().Where(c => c.ProgramId == programId).Select(c => c.Id).ToListAsync(cancellationToken);
        return [.. ids.Chunk(ChunkSize)];
    }

    /// <summary>Sums <paramref name="perChunk"/> over <paramref name="programId"/>'s conversations.</summary>
    public static async Task<long> SumAsync(HubDbContext hub, Guid programId, Func<Guid[], Task<int>> perChunk, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(perChunk);
        long total = 0;
        foreach (var chunk in await ChunksAsync(hub, programId, cancellationToken))
            total += await perChunk(chunk);
        return total;
    }
}
