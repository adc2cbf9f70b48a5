namespace ConversationHub.Faq.Search.Index;

/// <summary>One document's terms in one term space: distinct terms, per-field frequencies and lengths.</summary>
internal sealed class FieldTerms(string[] terms, ushort[] frequencies, int[] fieldLengths)
{
    public const int FieldCount = 4;

    public string[] Terms { get; } = terms;

    /// <summary>Term frequency of <c>Terms[i]</c> in field f at <c>[i * FieldCount + f]</c>.</summary>
    public ushort[] Frequencies { get; } = frequencies;

    /// <summary>Number of terms in each field, indexed by <see cref="SearchField"/>.</summary>
    public int[] FieldLengths { get; } = fieldLengths;
}
