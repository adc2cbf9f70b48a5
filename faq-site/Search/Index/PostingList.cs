namespace ConversationHub.Faq.Search.Index;

/// <summary>
/// The documents that contain one term, in ascending slot order, with the term's frequency in each field.
/// Immutable: an edit makes a new list, so readers of an older snapshot never see a half-made change.
/// </summary>
internal sealed class PostingList(int[] slots, ushort[] frequencies)
{
    public int[] Slots { get; } = slots;

    /// <summary>Frequency in field f of the i-th posting at <c>[i * FieldTerms.FieldCount + f]</c>.</summary>
    public ushort[] Frequencies { get; } = frequencies;

    public int Count => Slots.Length;

    public PostingList? Without(int slot)
    {
        var at = Array.BinarySearch(Slots, slot);
        if (at < 0)
            return this;
        if (Slots.Length == 1)
            return null;

        const int F = FieldTerms.FieldCount;
        var slots = new int[Slots.Length - 1];
        var frequencies = new ushort[slots.Length * F];
        Array.Copy(Slots, 0, slots, 0, at);
        Array.Copy(Slots, at + 1, slots, at, Slots.Length - at - 1);
        Array.Copy(Frequencies, 0, frequencies, 0, at * F);
        Array.Copy(Frequencies, (at + 1) * F, frequencies, at * F, (Slots.Length - at - 1) * F);
        return new PostingList(slots, frequencies);
    }

    /// <summary>Appends a posting; <paramref name="slot"/> must be greater than every slot in the list.</summary>
    public static PostingList Append(PostingList? list, int slot, ReadOnlySpan<ushort> frequencies)
    {
        const int F = FieldTerms.FieldCount;
        var count = list?.Count ?? 0;
        var slots = new int[count + 1];
        var all = new ushort[(count + 1) * F];
        if (list is not null)
        {
            Array.Copy(list.Slots, slots, count);
            Array.Copy(list.Frequencies, all, count * F);
        }

        slots[count] = slot;
        frequencies.CopyTo(all.AsSpan(count * F));
        return new PostingList(slots, all);
    }

    /// <summary>
    /// <see cref="Without"/> and <see cref="Append"/> in one copy, for a term that both the old and the new text of
    /// an edited document hold (PERF: most of an edit's terms; common terms have thousands of postings).
    /// </summary>
    public PostingList Move(int oldSlot, int newSlot, ReadOnlySpan<ushort> frequencies)
    {
        const int F = FieldTerms.FieldCount;
        var at = Array.BinarySearch(Slots, oldSlot);
        if (at < 0)
            return Append(this, newSlot, frequencies);

        var slots = new int[Slots.Length];
        var all = new ushort[Frequencies.Length];
        Array.Copy(Slots, 0, slots, 0, at);
        Array.Copy(Slots, at + 1, slots, at, Slots.Length - at - 1);
        Array.Copy(Frequencies, 0, all, 0, at * F);
        Array.Copy(Frequencies, (at + 1) * F, all, at * F, (Slots.Length - at - 1) * F);
        slots[^1] = newSlot;
        frequencies.CopyTo(all.AsSpan(all.Length - F));
        return new PostingList(slots, all);
    }
}
