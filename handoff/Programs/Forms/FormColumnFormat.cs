namespace ConversationHub.Handoff.Programs.Forms;

/// <summary>How an export column writes its value; stored by name, so never rename a member.</summary>
internal enum FormColumnFormat
{
    /// <summary>The value as stored (dates yyyy-MM-dd, phones as entered).</summary>
    AsStored,

    /// <summary>Dates as yyyy/MM/dd.</summary>
    DateSlashes,

    /// <summary>Dates in the Japanese era (令和7年4月1日).</summary>
    DateWareki,

    /// <summary>Phones as digits only.</summary>
    PhoneDigits,

    /// <summary>Phones with hyphens as entered.</summary>
    PhoneHyphens,
}
