namespace ConversationHub.Handoff.Programs.Forms;

/// <summary>What a form field takes; stored by name in the definition's JSON, so never rename a member.</summary>
internal enum FormFieldType
{
    /// <summary>Free text on one line.</summary>
    Text,

    /// <summary>全角カタカナ (hiragana and half-width katakana are converted).</summary>
    Kana,

    /// <summary>A number, optionally within a range.</summary>
    Number,

    /// <summary>A calendar date (yyyy-MM-dd).</summary>
    Date,

    /// <summary>A date of birth given with its era (令和/平成/昭和/大正).</summary>
    BirthDate,

    /// <summary>A Japanese phone number (10 or 11 digits starting with 0).</summary>
    Phone,

    /// <summary>An e-mail address.</summary>
    Email,

    /// <summary>A postal code with the address filled from the postal data (the rest of the address typed).</summary>
    PostalCode,

    /// <summary>One of the options.</summary>
    Choice,

    /// <summary>Any of the options.</summary>
    MultiChoice,
}
