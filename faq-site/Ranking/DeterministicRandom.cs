namespace ConversationHub.Faq.Ranking;

/// <summary>
/// SplitMix64. System.Random's seeded sequence is not promised to stay the same across .NET versions, and a
/// model must be reproducible from its seed and data alone.
/// </summary>
internal sealed class DeterministicRandom(ulong seed)
{
    private ulong _state = seed;

    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>A double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>An int in [0, maxExclusive); the modulo bias is negligible for the small ranges used here.</summary>
    public int NextInt(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        return (int)(NextUInt64() % (ulong)maxExclusive);
    }

    /// <summary>The SplitMix64 finaliser: a stateless, well-mixed 64-bit hash of <paramref name="value"/>.</summary>
    public static ulong Mix(ulong value)
    {
        var z = value;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
