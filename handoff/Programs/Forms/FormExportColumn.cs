namespace ConversationHub.Handoff.Programs.Forms;

/// <summary>
/// One column of a form's CSV for the city's own system: what it shows (a field's key, a postal field's
/// <c>key.address</c>, or one of <see cref="Meta"/>), its header and its format.
/// </summary>
internal sealed record FormExportColumn(string Source, string Header, FormColumnFormat Format = FormColumnFormat.AsStored)
{
    /// <summary>Sources that describe the entry rather than an answer.</summary>
    public static class Meta
    {
        public const string TakenAt = "@takenAt";
        public const string EntryId = "@entryId";
        public const string Version = "@version";
        public const string Source = "@source";
        public const string Case = "@case";

        public static readonly string[] All = [TakenAt, EntryId, Version, Source, Case];
    }
}
