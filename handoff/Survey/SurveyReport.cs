using ConversationHub.Core.Conversations.Domain;

namespace ConversationHub.Handoff.Survey;

/// <summary>
/// The survey's results for a period (Japan-time days <see cref="From"/> to <see cref="To"/>, both included) and
/// optionally one channel: how many were offered, declined, consented and completed, and each item's answers.
/// </summary>
internal sealed record SurveyReport(DateOnly From, DateOnly To, ConversationChannel? Channel, int Offered, int Declined, int Consented, int Completed, IReadOnlyList<SurveyItemResult> Items);

/// <summary>One item's answers: per option its count and share of the item's answers, the five-level mean, the free texts.</summary>
internal sealed record SurveyItemResult(string Key, string Question, SurveyItemType Type, int Answered, IReadOnlyList<SurveyOptionCount> Options, double? Mean, IReadOnlyList<SurveyFreeText> Texts);

/// <summary>How many chose <paramref name="Label"/>, and their share (0–100) of the item's answers.</summary>
internal sealed record SurveyOptionCount(string Label, int Count, double Percent);

/// <summary>One free-text answer (decrypted: personal data, shown only on request and audited).</summary>
internal sealed record SurveyFreeText(DateTime AnsweredAtUtc, ConversationChannel Channel, string Text);
