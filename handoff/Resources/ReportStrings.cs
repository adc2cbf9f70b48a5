namespace ConversationHub.Handoff.Resources;

/// <summary>Marker for the reports' strings (<c>ReportStrings.resx</c>, Japanese neutral culture).</summary>
public sealed class ReportStrings
{
    private ReportStrings()
    {
    }
}
