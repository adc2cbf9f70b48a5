namespace ConversationHub.Handoff.Cases;

/// <summary>
/// A case (案件): an inquiry the contact center could not close on the spot. It has a readable number
/// (<c>C-2026-000123</c>, gapless per year), a status, the citizen's contact (personal data, encrypted at rest, with
/// keyed hashes for look-ups), the department it was escalated to and whoever works on it. Every change is written to
/// <see cref="CaseHistoryEntry"/> by the services that make it.
/// </summary>
public sealed class CaseRecord
{
    // For EF Core.
    private CaseRecord()
    {
        Number = "";
        Token = "";
    }

    internal CaseRecord(int year, int sequence, CaseChannel channel, Guid? createdById, DateTime nowUtc)
    {
        Id = Guid.CreateVersion7();
        Year = year;
        Sequence = sequence;
        Number = FormatNumber(year, sequence);
        Channel = channel;
        CreatedById = createdById;
        CreatedAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
        Status = CaseStatus.New;
        Token = CaseToken.New();
    }

    /// <summary>Surrogate key.</summary>
    public Guid Id { get; private set; }

    /// <summary>The readable number, <c>C-{year}-{sequence:000000}</c>.</summary>
    public string Number { get; private set; }

    /// <summary>The year (JST) of the number.</summary>
    public int Year { get; private set; }

    /// <summary>The number within the year (1, 2, … without gaps).</summary>
    public int Sequence { get; private set; }

    /// <summary>Where it stands.</summary>
    public CaseStatus Status { get; set; }

    /// <summary>Where it came from.</summary>
    public CaseChannel Channel { get; private set; }

    /// <summary>The chat or call it was made from.</summary>
    public Guid? ConversationId { get; set; }

    /// <summary>The program (施策) whose entry its conversation came through; null for the standing service.</summary>
    public Guid? ProgramId { get; set; }

    /// <summary>The FAQ the citizen came from (the inquiry form's <c>faq</c>, the chat's last answer).</summary>
    public string? SourceFaqId { get; set; }

    /// <summary>The staff member who made it, null when the platform did (form, e-mail).</summary>
    public Guid? CreatedById { get; private set; }

    /// <summary>When it was made (UTC).</summary>
    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>Last change (UTC).</summary>
    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>The category (分類) from the configurable tree.</summary>
    public Guid? CategoryId { get; set; }

    /// <summary>The inquiry type (問い合わせ種別), a code from the configured list.</summary>
    public string? InquiryType { get; set; }

    /// <summary>Checked inquiry flags (要折り返し, 苦情 …), codes joined by commas.</summary>
    public string Flags { get; set; } = "";

    /// <summary>A short subject (personal data: citizens write names into subjects).</summary>
    public string? Subject { get; set; }

    /// <summary>The inquiry's free text (personal data).</summary>
    public string? Description { get; set; }

    /// <summary>The citizen's name (personal data).</summary>
    public string? ContactName { get; set; }

    /// <summary>The name's reading in katakana (personal data).</summary>
    public string? ContactKana { get; set; }

    /// <summary>Phone number (personal data).</summary>
    public string? ContactPhone { get; set; }

    /// <summary>E-mail address (personal data).</summary>
    public string? ContactEmail { get; set; }

    /// <summary>Postal code, seven digits (personal data together with the address).</summary>
    public string? PostalCode { get; set; }

    /// <summary>Address (personal data).</summary>
    public string? Address { get; set; }

    /// <summary>Keyed hash of the normalised name, for duplicate detection.</summary>
    public string? NameHash { get; set; }

    /// <summary>Keyed hash of the phone number's digits.</summary>
    public string? PhoneHash { get; set; }

    /// <summary>Keyed hash of the lower-cased e-mail address.</summary>
    public string? EmailHash { get; set; }

    /// <summary>Keyed hash of the normalised address.</summary>
    public string? AddressHash { get; set; }

    /// <summary>The administrator-defined fields' values, a JSON object by field key (personal data).</summary>
    public string? CustomFieldsJson { get; set; }

    /// <summary>The department the case is escalated to (null: the contact center has it).</summary>
    public Guid? DepartmentId { get; set; }

    /// <summary>The escalation reasons, codes joined by commas.</summary>
    public string EscalationReasons { get; set; } = "";

    /// <summary>The staff member it is assigned to.</summary>
    public Guid? AssigneeId { get; set; }

    /// <summary>The team (a category code of the agents' teams) it is assigned to.</summary>
    public string? AssigneeTeam { get; set; }

    /// <summary>Who must act next: <c>center</c> or <c>department</c>; null when nobody is waited for.</summary>
    public string? AwaitingSide { get; set; }

    /// <summary>The secret that threads e-mail onto the case (Reply-To sub-address, Message-ID).</summary>
    public string Token { get; private set; }

    /// <summary>When it was completed (UTC), null while open.</summary>
    public DateTime? CompletedAtUtc { get; set; }

    /// <summary>
    /// The callback attempt dialling now (発信中, <see cref="Core.Handoff.ICallbackDialer"/>), null when nobody dials. Set
    /// only by a conditional update (one of two agents pressing at once wins) and cleared by the attempt's outcome; a flag
    /// older than the configured expiry counts as cleared (a node that died mid-dial never blocks the case).
    /// </summary>
    public Guid? DialingAttemptId { get; set; }

    /// <summary>Who is dialling (the agent the call is put through to).</summary>
    public Guid? DialingById { get; set; }

    /// <summary>Since when (UTC).</summary>
    public DateTime? DialingSinceUtc { get; set; }

    /// <summary>The re-dial reservation (再架電予約): when to call again (UTC), null when none.</summary>
    public DateTime? RedialDueUtc { get; set; }

    /// <summary>Who is to call again.</summary>
    public Guid? RedialById { get; set; }

    /// <summary>The reservation's note (personal data: staff write what the citizen asked).</summary>
    public string? RedialNote { get; set; }

    /// <summary>Optimistic concurrency: every save increments it, a stale save fails.</summary>
    public int Version { get; set; }

    /// <summary>The readable number of a year and sequence.</summary>
    public static string FormatNumber(int year, int sequence) => $"C-{year:0000}-{sequence:000000}";
}
