namespace ConversationHub.Handoff.Programs;

/// <summary>
/// A time-limited program (施策) the contact center runs besides its standing service: an event's entry line, a
/// My Number card appointment line, a coupon program. Everything that arrives through its entries carries its
/// <see cref="Id"/>; its forms, reservations and roster hang from it, and its disposal date ends its personal data.
/// </summary>
internal sealed class ProgramDefinition
{
    public const int MaxCodeLength = 32;
    public const int MaxNameLength = 100;
    public const int MaxMessageLength = 1000;

    // For EF Core.
    private ProgramDefinition()
    {
        Code = "";
        Name = "";
        HoursJson = "{}";
        PhoneNumbers = "";
        Languages = "ja";
        EndMessage = "";
        AfterEndGuidance = "";
    }

    public ProgramDefinition(string code, string name, DateOnly startsOn, DateOnly serviceEndsOn, DateOnly disposalOn, DateTime nowUtc)
        : this()
    {
        Id = Guid.CreateVersion7();
        Code = code;
        Name = name;
        StartsOn = startsOn;
        ServiceEndsOn = serviceEndsOn;
        DisposalOn = disposalOn;
        CreatedAtUtc = nowUtc;
        ChangedAtUtc = nowUtc;
    }

    public Guid Id { get; private set; }

    /// <summary>Short lowercase key used in entry links (<c>?program=mynumber</c>); unique.</summary>
    public string Code { get; set; }

    /// <summary>The program's name as staff and citizens see it (e.g. マイナンバーカード交付予約).</summary>
    public string Name { get; set; }

    /// <summary>The first Japan day of service.</summary>
    public DateOnly StartsOn { get; set; }

    /// <summary>The last Japan day of service (inclusive).</summary>
    public DateOnly ServiceEndsOn { get; set; }

    /// <summary>The Japan day its personal data is disposed of.</summary>
    public DateOnly DisposalOn { get; set; }

    /// <summary>Its own hours, a <see cref="ProgramHours"/> as JSON; applied on top of the city's closures.</summary>
    public string HoursJson { get; set; }

    /// <summary>Its phone numbers in E.164, comma-separated; calls to them carry the program.</summary>
    public string PhoneNumbers { get; set; }

    /// <summary>The LINE keyword that enters the program (also sent by its rich-menu button); null when none.</summary>
    public string? LineKeyword { get; set; }

    /// <summary>The FAQ category preselected by its web chat entry and answered from; null when none.</summary>
    public string? FaqCategory { get; set; }

    /// <summary>Its FAQ ids, comma-separated, when it answers from a set rather than a category.</summary>
    public string? FaqIds { get; set; }

    /// <summary>Whether its FAQs stay published after the end of service.</summary>
    public bool KeepFaqsAfterEnd { get; set; }

    /// <summary>Languages it answers in, comma-separated codes (<c>ja</c> first; <c>en</c>, <c>zh</c>, <c>ko</c>).</summary>
    public string Languages { get; set; }

    /// <summary>The team that serves it (its queue's skill group); null for the whole floor.</summary>
    public Guid? TeamId { get; set; }

    /// <summary>What its line and chat entry say after the end of service.</summary>
    public string EndMessage { get; set; }

    /// <summary>Where to go instead after the end of service (shown with <see cref="EndMessage"/>).</summary>
    public string AfterEndGuidance { get; set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime ChangedAtUtc { get; set; }

    /// <summary>When its personal data was disposed of; null until then.</summary>
    public DateTime? DisposedAtUtc { get; set; }

    /// <summary>Optimistic concurrency: two administrators cannot overwrite each other's edit.</summary>
    public int Version { get; set; }

    /// <summary>Where the program stands on <paramref name="japanDay"/>.</summary>
    public ProgramServiceState StateOn(DateOnly japanDay) =>
        DisposedAtUtc is not null ? ProgramServiceState.Disposed
        : japanDay < StartsOn ? ProgramServiceState.NotStarted
        : japanDay > ServiceEndsOn ? ProgramServiceState.Ended
        : ProgramServiceState.InService;

    /// <summary>Its phone numbers as a list.</summary>
    public IReadOnlyList<string> PhoneNumberList => Split(PhoneNumbers);

    /// <summary>Its languages as a list.</summary>
    public IReadOnlyList<string> LanguageList => Split(Languages);

    private static string[] Split(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
