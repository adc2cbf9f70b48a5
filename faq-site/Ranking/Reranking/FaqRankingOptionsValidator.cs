using Microsoft.Extensions.Options;

namespace ConversationHub.Faq.Ranking.Reranking;

/// <summary>
/// Checks <see cref="FaqRankingOptions"/> at start-up (ValidateOnStart): the model must load and match the
/// features this build computes, or the node does not start, rather than ranking silently wrong.
/// </summary>
internal sealed class FaqRankingOptionsValidator : IValidateOptions<FaqRankingOptions>
{
    public ValidateOptionsResult Validate(string? name, FaqRankingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Candidates is < 1 or > 1000)
            return ValidateOptionsResult.Fail($"{FaqRankingOptions.SectionName}:{nameof(FaqRankingOptions.Candidates)} must lie from 1 to 1000, not {options.Candidates}.");
        if (Retraining.TrainingScheduleTime.Check(options) is { } scheduleError)
            return ValidateOptionsResult.Fail(scheduleError);
        if (string.IsNullOrWhiteSpace(options.ModelPath))
            return ValidateOptionsResult.Success;
        try
        {
            FaqRankingModelFile.Load(options.ModelPath);
            return ValidateOptionsResult.Success;
        }
        catch (InvalidOperationException e)
        {
            return ValidateOptionsResult.Fail(e.Message);
        }
    }
}
