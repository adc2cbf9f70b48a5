namespace ConversationHub.Core.Programs;

/// <summary>What an entry (web chat link, LINE keyword, phone number) needs to know of its program today (Japan time).</summary>
/// <param name="Id">The program; conversations that enter it carry it.</param>
/// <param name="Code">Its short key (<c>mynumber</c>).</param>
/// <param name="Name">Its name as citizens see it.</param>
/// <param name="InService">Whether today is between its first and last day of service.</param>
/// <param name="HasEnded">Whether its service has ended (or its data was disposed of): the entry says
/// <paramref name="EndMessage"/> and <paramref name="AfterEndGuidance"/> instead of starting the program.</param>
/// <param name="FaqCategory">The FAQ field its chat entry preselects, or null.</param>
/// <param name="Languages">Its languages, <c>ja</c> first.</param>
/// <param name="EndMessage">What its entries say after the end of service.</param>
/// <param name="AfterEndGuidance">Where to go instead after the end of service.</param>
public sealed record ProgramEntry(
    Guid Id,
    string Code,
    string Name,
    bool InService,
    bool HasEnded,
    string? FaqCategory,
    IReadOnlyList<string> Languages,
    string EndMessage,
    string AfterEndGuidance)
{
    /// <summary>Its texts in its other languages, where an administrator entered them (none by default).</summary>
    public IReadOnlyList<ProgramTranslation> Translations { get; init; } = [];

    /// <summary>
    /// One of its texts in <paramref name="language"/>: the translation where there is one, else the Japanese
    /// <paramref name="japanese"/> marked untranslated. Japanese (or an empty Japanese text) is always "translated".
    /// </summary>
    public LocalizedProgramText TextIn(string language, string japanese, Func<ProgramTranslation, string?> pick)
    {
        ArgumentNullException.ThrowIfNull(pick);
        if (string.Equals(language, "ja", StringComparison.Ordinal) || string.IsNullOrEmpty(japanese))
        {
            return new LocalizedProgramText(japanese, true);
        }

        var translation = Translations.FirstOrDefault(t => string.Equals(t.Language, language, StringComparison.Ordinal));
        return translation is not null && pick(translation) is { Length: > 0 } text ? new LocalizedProgramText(text, true) : new LocalizedProgramText(japanese, false);
    }
}
