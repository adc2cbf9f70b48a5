namespace ConversationHub.Host.ReportsBench;

/// <summary>What the filler wrote and how long each step took.</summary>
internal sealed record FillFigures(
    long Conversations, long Messages, long Cases, long ContactEvents, long FoldedEvents, double CasesSeconds, double BulkInsertSeconds, double FoldSeconds, Guid SomeDepartment);
