namespace ConversationHub.Handoff.Postal;

/// <summary>
/// The one postal code dataset every node serves (row <see cref="CurrentId"/> of <c>handoff_postal_datasets</c>): its
/// metadata and the compact gzip form of <see cref="PostalDatasetCodec"/>. One row rather than a row per code: nodes
/// always need the whole set in memory, and one blob of about 1.8 MB reads in milliseconds where 125,000 rows take
/// seconds to write and read, and cannot be replaced atomically as cheaply.
/// </summary>
internal sealed class PostalDataset
{
    public const int CurrentId = 1;

    public PostalDataset(PostalDatasetInfo info, byte[] data)
    {
        Id = CurrentId;
        SourceName = string.Empty;
        Format = string.Empty;
        Sha256 = string.Empty;
        LoadedBy = string.Empty;
        Data = [];
        Replace(info, data);
    }

    private PostalDataset()
    {
        SourceName = string.Empty;
        Format = string.Empty;
        Sha256 = string.Empty;
        LoadedBy = string.Empty;
        Data = [];
    }

    public int Id { get; private set; }

    public string SourceName { get; private set; }

    public string Format { get; private set; }

    public string Sha256 { get; private set; }

    public int EntryCount { get; private set; }

    public int CodeCount { get; private set; }

    public int MalformedLines { get; private set; }

    public DateTime LoadedAtUtc { get; private set; }

    public string LoadedBy { get; private set; }

    public byte[] Data { get; private set; }

    public void Replace(PostalDatasetInfo info, byte[] data)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(data);
        SourceName = info.SourceName.Length > PostalDatasetEntityTypeConfiguration.SourceNameLength
            ? info.SourceName[^PostalDatasetEntityTypeConfiguration.SourceNameLength..] : info.SourceName;
        Format = info.Format;
        Sha256 = info.Sha256;
        EntryCount = info.EntryCount;
        CodeCount = info.CodeCount;
        MalformedLines = info.MalformedLines;
        LoadedAtUtc = info.LoadedAtUtc;
        LoadedBy = info.LoadedBy;
        Data = data;
    }
}
