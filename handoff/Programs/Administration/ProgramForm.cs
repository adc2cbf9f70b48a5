namespace ConversationHub.Handoff.Programs.Administration;

/// <summary>
/// The program editor's fields as typed: dates as <c>yyyy-MM-dd</c>, hours as <c>HH:mm-HH:mm</c>, lists one per line
/// or comma-separated. <see cref="ProgramEditor"/> checks them all before anything is saved.
/// </summary>
internal sealed class ProgramForm
{
    /// <summary>How dates are typed and shown (what an <c>input type="date"</c> sends).</summary>
    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>How many monthly rules the page offers (the second Sunday, the last Saturday …).</summary>
    public const int MonthlyRows = 3;

    /// <summary>The languages besides Japanese a program may answer in.</summary>
    public static IReadOnlyList<string> OtherLanguages { get; } = ["en", "zh", "ko"];

    /// <summary>The weekdays in the order the page lists them (Monday first, as Japanese calendars do).</summary>
    public static IReadOnlyList<DayOfWeek> Week { get; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public string? Code { get; set; }

    public string? Name { get; set; }

    public string? StartsOn { get; set; }

    public string? ServiceEndsOn { get; set; }

    public string? DisposalOn { get; set; }

    /// <summary>Hours per weekday; a blank day is closed.</summary>
    public Dictionary<DayOfWeek, string?> Weekly { get; set; } = [];

    public List<MonthlyRuleForm> Monthly { get; set; } = [];

    public string? PhoneNumbers { get; set; }

    public string? LineKeyword { get; set; }

    public string? FaqCategory { get; set; }

    public string? FaqIds { get; set; }

    public bool KeepFaqsAfterEnd { get; set; }

    public List<string> Languages { get; set; } = [];

    public Guid? TeamId { get; set; }

    public string? EndMessage { get; set; }

    public string? AfterEndGuidance { get; set; }

    /// <summary>The version the administrator's edit started from (optimistic concurrency).</summary>
    public int Version { get; set; }

    /// <summary>The monthly rows, padded to <see cref="MonthlyRows"/> for the page.</summary>
    public IReadOnlyList<MonthlyRuleForm> MonthlyPadded() =>
        [.. Monthly.Concat(Enumerable.Range(0, Math.Max(0, MonthlyRows - Monthly.Count)).Select(_ => new MonthlyRuleForm()))];

    /// <summary>The form of a saved program.</summary>
    public static ProgramForm Of(ProgramDefinition program)
    {
        ArgumentNullException.ThrowIfNull(program);
        var hours = ProgramHours.Parse(program.HoursJson);
        return new ProgramForm
        {
            Code = program.Code,
            Name = program.Name,
            StartsOn = program.StartsOn.ToString(DateFormat, System.Globalization.CultureInfo.InvariantCulture),
            ServiceEndsOn = program.ServiceEndsOn.ToString(DateFormat, System.Globalization.CultureInfo.InvariantCulture),
            DisposalOn = program.DisposalOn.ToString(DateFormat, System.Globalization.CultureInfo.InvariantCulture),
            Weekly = new Dictionary<DayOfWeek, string?>(hours.Weekly),
            Monthly = [.. hours.Monthly.Select(r => new MonthlyRuleForm { Week = r.Week, DayOfWeek = r.DayOfWeek, Hours = r.Hours, OpenOnHolidays = r.OpenOnHolidays })],
            PhoneNumbers = string.Join('\n', program.PhoneNumberList),
            LineKeyword = program.LineKeyword,
            FaqCategory = program.FaqCategory,
            FaqIds = program.FaqIds,
            KeepFaqsAfterEnd = program.KeepFaqsAfterEnd,
            Languages = [.. program.LanguageList.Where(l => l != "ja")],
            TeamId = program.TeamId,
            EndMessage = program.EndMessage,
            AfterEndGuidance = program.AfterEndGuidance,
            Version = program.Version,
        };
    }
}
