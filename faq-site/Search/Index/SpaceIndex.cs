namespace ConversationHub.Faq.Search.Index;

/// <summary>The postings and length statistics of one term space within one snapshot.</summary>
internal sealed class SpaceIndex
{
    private const int F = FieldTerms.FieldCount;

    public SpaceIndex(
        Dictionary<string, PostingList> postings, int[] fieldLengths, long[] lengthSums, int liveCount, SpaceParameters parameters)
    {
        Postings = postings;
        FieldLengths = fieldLengths;
        LengthSums = lengthSums;
        Parameters = parameters;
        Norms = ComputeNorms(fieldLengths, lengthSums, liveCount, parameters);
    }

    public Dictionary<string, PostingList> Postings { get; }

    /// <summary>Terms in field f of the document in slot s at <c>[s * FieldCount + f]</c>; 0 for removed slots.</summary>
    public int[] FieldLengths { get; }

    public long[] LengthSums { get; }

    public SpaceParameters Parameters { get; }

    /// <summary>
    /// BM25F's per-field factor <c>weight / (1 - b + b * length / averageLength)</c> for each slot and field.
    /// PERF: computed once per snapshot so that scoring a posting is a dot product of four numbers.
    /// </summary>
    public float[] Norms { get; }

    private static float[] ComputeNorms(int[] fieldLengths, long[] lengthSums, int liveCount, SpaceParameters parameters)
    {
        Span<float> weight = stackalloc float[F];
        Span<float> b = stackalloc float[F];
        Span<float> inverseAverage = stackalloc float[F];
        for (var f = 0; f < F; f++)
        {
            var field = parameters[(SearchField)f];
            weight[f] = field.Weight;
            b[f] = field.B;
            inverseAverage[f] = lengthSums[f] == 0 || liveCount == 0 ? 0f : liveCount / (float)lengthSums[f];
        }

        var norms = new float[fieldLengths.Length];
        for (var i = 0; i < norms.Length; i++)
        {
            var f = i % F;
            norms[i] = weight[f] / (1f - b[f] + (b[f] * fieldLengths[i] * inverseAverage[f]));
        }

        return norms;
    }
}
