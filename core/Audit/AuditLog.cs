using ConversationHub.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Core.Audit;

/// <summary>
/// Appends to <c>audit_log</c>. Entries of one node are appended one at a time (the chain needs each entry's
/// predecessor); two nodes that pick the same sequence at once collide on the primary key, and the loser reads the new
/// end of the chain and tries again, so the chain never forks.
/// </summary>
internal sealed class AuditLog(IServiceScopeFactory scopes, TimeProvider time) : IAuditLog, IDisposable
{
    private const int Attempts = 20;
    private readonly SemaphoreSlim _one = new(1, 1);

    public async Task AppendAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await _one.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
                var last = await db.AuditLog.AsNoTracking().OrderByDescending(e => e.Sequence)
                    .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(cancellationToken);
                db.AuditLog.Add(new AuditEntry((last?.Sequence ?? 0) + 1, last?.Hash ?? AuditEntry.Genesis, record, time.GetUtcNow().UtcDateTime));
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    return;
                }
                catch (DbUpdateException) when (attempt < Attempts)
                {
                    // Another node appended the same sequence first: read the new end and go again.
                    await Task.Delay(Random.Shared.Next(5, 25) * attempt, cancellationToken);
                }
            }
        }
        finally
        {
            _one.Release();
        }
    }

    public void Dispose() => _one.Dispose();
}
