using ConversationHub.Core.ContactEvents.Domain;

namespace ConversationHub.Host.ReportsBench;

/// <summary>What happens to one generated conversation.</summary>
internal sealed record ConversationPlan(
    Guid Id, ContactChannel Channel, DateTime ArrivedUtc, DateTime EndUtc, string[] Faqs, bool HandedOff, bool Congestion, bool Answered,
    long WaitMs, int? Satisfaction, string Topic, Guid CaseCategory, Guid? Department);
