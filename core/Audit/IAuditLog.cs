namespace ConversationHub.Core.Audit;

/// <summary>The platform's append-only, hash-chained audit log.</summary>
public interface IAuditLog
{
    /// <summary>Appends <paramref name="record"/> as the chain's next entry; returns once it is committed.</summary>
    Task AppendAsync(AuditRecord record, CancellationToken cancellationToken);
}
