using ConversationHub.Handoff.Programs;

namespace ConversationHub.Handoff.Pages.Console.Reports;

/// <summary>A report page with the program filter (<c>_ReportProgramSelect</c>): the programs to choose from and the chosen one.</summary>
internal interface IReportProgramFilter
{
    /// <summary>The programs to choose from; the filter is not shown when there are none.</summary>
    IReadOnlyList<ProgramDefinition> Programs { get; }

    /// <summary>The program the report is filtered by, if any.</summary>
    ProgramDefinition? Program { get; }
}
