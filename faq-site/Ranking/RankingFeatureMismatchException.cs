namespace ConversationHub.Faq.Ranking;

/// <summary>A ranking model was trained on other features than the application computes; it must not be used.</summary>
internal sealed class RankingFeatureMismatchException : Exception
{
    public RankingFeatureMismatchException(IReadOnlyList<string> modelFeatures, IReadOnlyList<string> expectedFeatures)
        : base(Describe(modelFeatures, expectedFeatures))
    {
        ModelFeatures = modelFeatures;
        ExpectedFeatures = expectedFeatures;
    }

    public IReadOnlyList<string> ModelFeatures { get; }

    public IReadOnlyList<string> ExpectedFeatures { get; }

    private static string Describe(IReadOnlyList<string> model, IReadOnlyList<string> expected)
    {
        var modelSet = new HashSet<string>(model, StringComparer.Ordinal);
        var expectedSet = new HashSet<string>(expected, StringComparer.Ordinal);
        var missing = expected.Where(name => !modelSet.Contains(name)).ToList();
        var extra = model.Where(name => !expectedSet.Contains(name)).ToList();
        var parts = new List<string>
        {
            $"The ranking model's features do not match the application's ({model.Count} in the model, {expected.Count} expected).",
        };
        if (missing.Count > 0)
            parts.Add($"Not in the model: {string.Join(", ", missing)}.");
        if (extra.Count > 0)
            parts.Add($"Only in the model: {string.Join(", ", extra)}.");
        if (missing.Count == 0 && extra.Count == 0)
        {
            var position = 0;
            while (position < model.Count && string.Equals(model[position], expected[position], StringComparison.Ordinal))
                position++;
            parts.Add($"Same names in a different order; first difference at position {position}: " +
                      $"model '{model[position]}', expected '{expected[position]}'.");
        }

        parts.Add("Retrain the model with the current feature set.");
        return string.Join(' ', parts);
    }
}
