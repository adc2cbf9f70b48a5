namespace ConversationHub.Handoff.Pages.Console.Reports;

/// <summary>One ranking table of the self-service report; <see cref="Rows"/> null means nothing records it.</summary>
/// <param name="Id">The table's element id (its caption is the heading <c>{Id}-caption</c>).</param>
/// <param name="Columns">The column headings after the rank: the label's, then the figures'.</param>
/// <param name="Rows">The rows, first ranked first.</param>
internal sealed record SelfServiceRanking(string Id, IReadOnlyList<string> Columns, IReadOnlyList<SelfServiceRankingRow>? Rows);

/// <summary>A ranking's row: what is ranked and its figures as shown.</summary>
internal sealed record SelfServiceRankingRow(string Label, IReadOnlyList<string> Cells);
