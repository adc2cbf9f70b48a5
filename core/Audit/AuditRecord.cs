namespace ConversationHub.Core.Audit;

/// <summary>What a module asks the audit log to keep: who, what, which record, details, from where.</summary>
/// <param name="Action">An <see cref="AuditActions"/> name.</param>
/// <param name="ActorId">The staff user, when known.</param>
/// <param name="ActorName">The staff id (as typed, for a failed sign-in).</param>
/// <param name="Target">The record concerned, e.g. <c>case:…</c>.</param>
/// <param name="Detail">What changed, in words.</param>
/// <param name="FromAddress">The client's address.</param>
public sealed record AuditRecord(string Action, Guid? ActorId = null, string? ActorName = null, string? Target = null, string? Detail = null, string? FromAddress = null);
