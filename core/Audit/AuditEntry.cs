using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ConversationHub.Core.Audit;

/// <summary>
/// One line of the platform's audit log: who did what to which record, when and from where. Entries form a hash
/// chain: each carries the hash of the one before, and its own hash covers that and every field (in clear, so a key
/// rotation does not break the chain), so an edited, inserted or deleted row breaks the chain at that point.
/// </summary>
public sealed class AuditEntry
{
    /// <summary>The chain's start, the "previous hash" of the first entry.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    // For EF Core.
    private AuditEntry()
    {
        Action = "";
        PreviousHash = Genesis;
        Hash = "";
    }

    /// <summary>Creates entry <paramref name="sequence"/>, following the entry whose hash is <paramref name="previousHash"/>.</summary>
    public AuditEntry(long sequence, string previousHash, AuditRecord record, DateTime atUtc)
    {
        ArgumentNullException.ThrowIfNull(record);
        Sequence = sequence;
        PreviousHash = previousHash;
        // Whole microseconds: what PostgreSQL's timestamp keeps, so the hash of the stored row is the hash computed here.
        AtUtc = new DateTime(atUtc.Ticks - (atUtc.Ticks % 10), DateTimeKind.Utc);
        ActorId = record.ActorId;
        ActorName = record.ActorName;
        Action = record.Action;
        Target = record.Target;
        Detail = record.Detail;
        FromAddress = record.FromAddress;
        Hash = ComputeHash();
    }

    /// <summary>The entry's place in the chain, from 1, without gaps.</summary>
    public long Sequence { get; private set; }

    /// <summary>When it happened (UTC).</summary>
    public DateTime AtUtc { get; private set; }

    /// <summary>The staff user, when known.</summary>
    public Guid? ActorId { get; private set; }

    /// <summary>The staff id as typed or as signed in (encrypted at rest).</summary>
    public string? ActorName { get; private set; }

    /// <summary>What happened: an <see cref="AuditActions"/> name.</summary>
    public string Action { get; private set; }

    /// <summary>The record it concerns, e.g. <c>case:…</c> or <c>user:…</c>.</summary>
    public string? Target { get; private set; }

    /// <summary>What changed, in words (encrypted at rest).</summary>
    public string? Detail { get; private set; }

    /// <summary>The client's address (encrypted at rest).</summary>
    public string? FromAddress { get; private set; }

    /// <summary>The hash of the entry before (<see cref="Genesis"/> for the first).</summary>
    public string PreviousHash { get; private set; }

    /// <summary>SHA-256 over <see cref="PreviousHash"/> and every field, lower-case hex.</summary>
    public string Hash { get; private set; }

    /// <summary>The hash the entry's fields give now; differs from <see cref="Hash"/> when the row was edited.</summary>
    public string ComputeHash()
    {
        var canonical = string.Join('\u001f',
            PreviousHash,
            Sequence.ToString(CultureInfo.InvariantCulture),
            AtUtc.Ticks.ToString(CultureInfo.InvariantCulture),
            ActorId?.ToString("N") ?? "",
            ActorName ?? "",
            Action,
            Target ?? "",
            Detail ?? "",
            FromAddress ?? "");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
