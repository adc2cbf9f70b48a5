using Microsoft.Extensions.Options;

namespace ConversationHub.Faq.Search.Misses;

/// <summary>Checks the <c>FaqSearch</c> section at start-up; each message names the setting and its value.</summary>
internal sealed class FaqSearchOptionsValidator : IValidateOptions<FaqSearchOptions>
{
    private const string Section = FaqSearchOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, FaqSearchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!double.IsFinite(options.LowConfidenceScore) || options.LowConfidenceScore is < 0 or > 1000)
            failures.Add($"{Section}:LowConfidenceScore must be a number from 0 to 1000 (was {options.LowConfidenceScore})");
        if (options.MissQueueCapacity is < 1 or > 100_000)
            failures.Add($"{Section}:MissQueueCapacity must be from 1 to 100000 (was {options.MissQueueCapacity})");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
