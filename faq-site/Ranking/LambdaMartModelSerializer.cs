using System.Text.Json;
using System.Text.Json.Serialization;

namespace ConversationHub.Faq.Ranking;

/// <summary>
/// Reads and writes models as versioned JSON. Floats and doubles are written in their shortest round-trip form,
/// so a loaded model scores bit-for-bit like the saved one. Loading against the application's feature list
/// fails loudly on any difference, since a model fed features in the wrong order ranks silently wrong.
/// </summary>
internal static class LambdaMartModelSerializer
{
    public const int CurrentFormatVersion = 1;
    public const string ModelKind = "lambdamart";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        // Thresholds may be ±Infinity when a feature holds infinite values.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        RespectNullableAnnotations = true,
    };

    public static string Serialize(LambdaMartModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var document = new LambdaMartModelDocument
        {
            FormatVersion = CurrentFormatVersion,
            Model = ModelKind,
            FeatureNames = model.FeatureNames,
            Parameters = model.Parameters,
            Training = model.Metadata,
            Trees = [.. model.Trees.Select(tree => new RegressionTreeDocument
            {
                SplitFeatures = tree.SplitFeatures,
                Thresholds = tree.Thresholds,
                LeftChildren = tree.LeftChildren,
                RightChildren = tree.RightChildren,
                LeafValues = tree.LeafValues,
            })],
        };
        return JsonSerializer.Serialize(document, Options);
    }

    /// <summary>Reads a model and checks that its features are exactly <paramref name="expectedFeatureNames"/>, in order.</summary>
    /// <exception cref="InvalidDataException">The text is not a readable model of a supported format version.</exception>
    /// <exception cref="RankingFeatureMismatchException">The model was trained on other features.</exception>
    public static LambdaMartModel Deserialize(string json, IReadOnlyList<string> expectedFeatureNames)
    {
        var model = Deserialize(json);
        model.EnsureFeatures(expectedFeatureNames);
        return model;
    }

    /// <summary>Reads a model without checking its features (for tools that inspect model files).</summary>
    public static LambdaMartModel Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using (var probe = JsonDocument.Parse(json))
            {
                if (probe.RootElement.ValueKind != JsonValueKind.Object
                    || !probe.RootElement.TryGetProperty("formatVersion", out var version)
                    || !version.TryGetInt32(out var number))
                    throw new InvalidDataException("This is not a ranking model file: it has no integer 'formatVersion'.");
                if (number != CurrentFormatVersion)
                    throw new InvalidDataException($"Ranking model format version {number} is not supported; this build reads version {CurrentFormatVersion}.");
            }

            var document = JsonSerializer.Deserialize<LambdaMartModelDocument>(json, Options)
                ?? throw new InvalidDataException("The ranking model file is empty.");
            if (!string.Equals(document.Model, ModelKind, StringComparison.Ordinal))
                throw new InvalidDataException($"The model file holds a '{document.Model}' model, not '{ModelKind}'.");
            var trees = document.Trees.Select(tree => new RegressionTree(
                [.. tree.SplitFeatures], [.. tree.Thresholds], [.. tree.LeftChildren], [.. tree.RightChildren], [.. tree.LeafValues]));
            return new LambdaMartModel(document.FeatureNames, document.Parameters, [.. trees], document.Training);
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"The ranking model file is not valid: {exception.Message}", exception);
        }
    }

    public static async Task SaveAsync(LambdaMartModel model, string path, CancellationToken cancellationToken) =>
        await File.WriteAllTextAsync(path, Serialize(model), cancellationToken);

    public static async Task<LambdaMartModel> LoadAsync(string path, IReadOnlyList<string> expectedFeatureNames, CancellationToken cancellationToken) =>
        Deserialize(await File.ReadAllTextAsync(path, cancellationToken), expectedFeatureNames);
}
