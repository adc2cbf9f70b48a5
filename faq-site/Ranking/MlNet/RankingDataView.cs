using Microsoft.ML;
using Microsoft.ML.Data;

namespace ConversationHub.Faq.Ranking.MlNet;

/// <summary>
/// Turns a <see cref="RankingDataset"/> into the <see cref="IDataView"/> ML.NET's ranking trainers read: a
/// <c>Label</c> (the graded relevance as a float), a <c>GroupId</c> key (one per query, 1-based; 0 is ML.NET's
/// missing key) and a fixed-size <c>Features</c> vector in the dataset's feature order.
/// </summary>
internal static class RankingDataView
{
    public const string LabelColumn = "Label";
    public const string GroupIdColumn = "GroupId";
    public const string FeaturesColumn = "Features";

    // Training and validation views must have the same column types, so the key range does not depend on the
    // number of queries in either; the trainers read group boundaries, not the key range.
    private const ulong GroupKeyCount = int.MaxValue;

    public static IDataView Create(MLContext mlContext, RankingDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(dataset);
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dataset.FeatureCount);
        schema[nameof(Row.GroupId)].ColumnType = new KeyDataViewType(typeof(uint), GroupKeyCount);
        return mlContext.Data.LoadFromEnumerable(Rows(dataset), schema);
    }

    private static List<Row> Rows(RankingDataset dataset)
    {
        var rows = new List<Row>(dataset.RowCount);
        var starts = dataset.QueryStarts;
        for (var q = 0; q < dataset.QueryCount; q++)
        {
            for (var r = starts[q]; r < starts[q + 1]; r++)
            {
                rows.Add(new Row
                {
                    Label = dataset.Labels[r],
                    GroupId = (uint)(q + 1),
                    Features = dataset.Row(r).ToArray(),
                });
            }
        }

        return rows;
    }

    /// <summary>One candidate row as ML.NET reads it; the column names are the property names.</summary>
    private sealed class Row
    {
        public float Label { get; set; }

        public uint GroupId { get; set; }

        public float[] Features { get; set; } = [];
    }
}
