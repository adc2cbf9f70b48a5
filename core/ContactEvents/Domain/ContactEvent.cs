
namespace ConversationHub.Core.ContactEvents.Domain;

/// <summary>
/// One thing that happened to a contact, in the one shape every channel records (issue 18): the raw material of the
/// service-level figures. It holds ids, codes and durations only, never personal data, so it can be kept and rolled
/// up without encryption. <see cref="SourceKey"/> names the source occurrence: recording the same key twice (a retried
/// request, a replayed webhook) stores one row.
/// </summary>
public sealed class ContactEvent
{
    /// <summary>Creates an event.</summary>
    /// <param name="sourceKey">Unique name of the occurrence, such as <c>answered:{conversationId}</c>.</param>
    /// <param name="kind">What happened.</param>
    /// <param name="channel">The contact's channel.</param>
    /// <param name="occurredAtUtc">When it happened (UTC).</param>
    public ContactEvent(string sourceKey, ContactEventKind kind, ContactChannel channel, DateTime occurredAtUtc)
    {
        ArgumentException.ThrowIfNullOrEmpty(sourceKey);
        if (sourceKey.Length > MaxSourceKeyLength)
        {
            throw new ArgumentException($"A source key has at most {MaxSourceKeyLength} characters.", nameof(sourceKey));
        }

        SourceKey = sourceKey;
        Kind = kind;
        Channel = channel;
        OccurredAtUtc = occurredAtUtc;
    }

    /// <summary>The longest <see cref="SourceKey"/>.</summary>
    public const int MaxSourceKeyLength = 160;

    /// <summary>The longest code (<see cref="Category"/>, <see cref="WrapUpCode"/>, <see cref="FaqId"/>).</summary>
    public const int MaxCodeLength = 64;

    /// <summary>Insertion order; the roll-up folds in this order.</summary>
    public long Id { get; private set; }

    /// <summary>Unique name of the occurrence; a second record of it is ignored.</summary>
    public string SourceKey { get; private set; }

    /// <summary>What happened.</summary>
    public ContactEventKind Kind { get; private set; }

    /// <summary>When it happened (UTC).</summary>
    public DateTime OccurredAtUtc { get; private set; }

    /// <summary>The channel.</summary>
    public ContactChannel Channel { get; private set; }

    /// <summary>The conversation, where the contact is one (a form or a mail may have only a case).</summary>
    public Guid? ConversationId { get; init; }

    /// <summary>The case, where one is concerned.</summary>
    public Guid? CaseId { get; init; }

    /// <summary>The FAQ the bot answered with.</summary>
    public string? FaqId { get; init; }

    /// <summary>The department escalated to.</summary>
    public Guid? DepartmentId { get; init; }

    /// <summary>The agent (staff user id) concerned.</summary>
    public Guid? AgentId { get; init; }

    /// <summary>The wait in the queue in milliseconds (answered, abandoned).</summary>
    public long? WaitMs { get; init; }

    /// <summary>The category (FAQ category or case category code) the contact was about, when known.</summary>
    public string? Category { get; init; }

    /// <summary>The program (forms taken for callers, reservations …) the contact belongs to; set by a later issue.</summary>
    public Guid? ProgramId { get; init; }

    /// <summary>The wrap-up code an agent closed with.</summary>
    public string? WrapUpCode { get; init; }

    /// <summary>The satisfaction rating, 1 to 5.</summary>
    public int? Satisfaction { get; init; }

    /// <summary>Whether the hourly roll-up has counted it (set by the roll-up in the transaction that counts it).</summary>
    public bool RolledUp { get; private set; }
}
