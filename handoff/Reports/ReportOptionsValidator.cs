using Microsoft.Extensions.Options;

namespace ConversationHub.Handoff.Reports;

/// <summary>Refuses to start with SLA targets outside (0, 1] or a schedule that can never fire.</summary>
internal sealed class ReportOptionsValidator : IValidateOptions<ReportOptions>
{
    public ValidateOptionsResult Validate(string? name, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        foreach (var (key, value) in new[]
        {
            ("AnswerRate", options.Sla.AnswerRate), ("FirstContactResolution", options.Sla.FirstContactResolution),
            ("AnsweredWithin10s", options.Sla.AnsweredWithin10s), ("Availability", options.Sla.Availability),
        })
        {
            if (value is <= 0 or > 1)
            {
                errors.Add($"Reports:Sla:{key} must be a share above 0 and at most 1 (e.g. 0.90), not {value}.");
            }
        }

        if (options.Schedule.DailyAt < TimeSpan.Zero || options.Schedule.DailyAt >= TimeSpan.FromDays(1))
        {
            errors.Add("Reports:Schedule:DailyAt must be a time of day (00:00:00 to 23:59:59).");
        }

        if (options.Schedule.MonthlyWorkingDay is < 1 or > 15)
        {
            errors.Add("Reports:Schedule:MonthlyWorkingDay must be from 1 to 15.");
        }

        if (options.Schedule.CheckInterval <= TimeSpan.Zero)
        {
            errors.Add("Reports:Schedule:CheckInterval must be positive.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
