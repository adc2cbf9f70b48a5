using System.Text.Json;

namespace ConversationHub.Handoff.Cases;

/// <summary>
/// The fields of a case as staff (or the inquiry form) send them. On update, every field is written: the console sends
/// the whole form, so an empty field clears the value.
/// </summary>
public sealed record CaseInput
{
    /// <summary>The category from the tree.</summary>
    public Guid? CategoryId { get; init; }

    /// <summary>The inquiry type's code.</summary>
    public string? InquiryType { get; init; }

    /// <summary>The checked inquiry flags' codes.</summary>
    public IReadOnlyList<string>? Flags { get; init; }

    /// <summary>A short subject.</summary>
    public string? Subject { get; init; }

    /// <summary>The inquiry's text.</summary>
    public string? Description { get; init; }

    /// <summary>The citizen's name.</summary>
    public string? ContactName { get; init; }

    /// <summary>The name's reading (katakana or hiragana).</summary>
    public string? ContactKana { get; init; }

    /// <summary>Phone number.</summary>
    public string? ContactPhone { get; init; }

    /// <summary>E-mail address.</summary>
    public string? ContactEmail { get; init; }

    /// <summary>Postal code (123-4567, full-width digits accepted).</summary>
    public string? PostalCode { get; init; }

    /// <summary>Address.</summary>
    public string? Address { get; init; }

    /// <summary>Administrator-defined fields by key: a string, a number, a date string or an array of strings.</summary>
    public IReadOnlyDictionary<string, JsonElement>? CustomFields { get; init; }

    /// <summary>The FAQ the citizen came from (set on creation only).</summary>
    public string? SourceFaqId { get; init; }
}
