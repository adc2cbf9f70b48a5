namespace ConversationHub.Faq.Search.Index;

/// <summary>
/// Keeps the best k (slot, score) pairs in descending score order; ties go to the lower slot (older
/// document) so that results are deterministic.
/// </summary>
internal sealed class TopHits(int capacity)
{
    private readonly int[] _slots = new int[capacity];
    private readonly float[] _scores = new float[capacity];

    public int Count { get; private set; }

    public int SlotAt(int rank) => _slots[rank];

    public float ScoreAt(int rank) => _scores[rank];

    /// <summary>Whether a score would enter the list (checked before the possibly costly filter).</summary>
    public bool Admits(int slot, float score)
    {
        if (Count < _slots.Length)
            return true;
        var last = Count - 1;
        return score > _scores[last] || (score == _scores[last] && slot < _slots[last]);
    }

    public void Offer(int slot, float score)
    {
        if (!Admits(slot, score))
            return;

        var at = Math.Min(Count, _slots.Length - 1);
        while (at > 0 && (score > _scores[at - 1] || (score == _scores[at - 1] && slot < _slots[at - 1])))
        {
            _slots[at] = _slots[at - 1];
            _scores[at] = _scores[at - 1];
            at--;
        }

        _slots[at] = slot;
        _scores[at] = score;
        if (Count < _slots.Length)
            Count++;
    }
}
