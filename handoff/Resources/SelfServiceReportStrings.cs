namespace ConversationHub.Handoff.Resources;

/// <summary>Marker for the self-service report's strings (<c>SelfServiceReportStrings.resx</c>, Japanese neutral culture).</summary>
public sealed class SelfServiceReportStrings
{
    private SelfServiceReportStrings()
    {
    }
}
