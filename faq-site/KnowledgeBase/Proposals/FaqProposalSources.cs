namespace ConversationHub.Faq.KnowledgeBase.Proposals;

/// <summary>The wire and query-string names of <see cref="FaqProposalSource"/> (the stored lower-case names).</summary>
internal static class FaqProposalSources
{
    public static FaqProposalSource? TryParse(string? name) =>
        !string.IsNullOrWhiteSpace(name) && !int.TryParse(name, out _) && Enum.TryParse<FaqProposalSource>(name.Trim(), ignoreCase: true, out var source) ? source : null;
}
