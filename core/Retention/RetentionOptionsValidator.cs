using System.Globalization;
using Microsoft.Extensions.Options;

namespace ConversationHub.Core.Retention;

/// <summary>Refuses non-positive periods and an audit-log period under one year, at start.</summary>
internal sealed class RetentionOptionsValidator : IValidateOptions<RetentionOptions>
{
    public ValidateOptionsResult Validate(string? name, RetentionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        foreach (var (key, period) in new[]
                 {
                     (nameof(options.Transcripts), options.Transcripts), (nameof(options.CallRecords), options.CallRecords),
                     (nameof(options.CasePersonalFields), options.CasePersonalFields), (nameof(options.Mail), options.Mail),
                     (nameof(options.AuditLog), options.AuditLog), (nameof(options.CheckInterval), options.CheckInterval),
                 })
        {
            if (period <= TimeSpan.Zero)
            {
                failures.Add($"Retention:{key} must be positive.");
            }
        }

        if (options.AuditLog > TimeSpan.Zero && options.AuditLog < RetentionOptions.AuditLogFloor)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture,
                $"Retention:AuditLog must be at least {RetentionOptions.AuditLogFloor.TotalDays} days (the audit log is kept at least one year); it is {options.AuditLog.TotalDays} days."));
        }

        if (options.BatchSize <= 0)
        {
            failures.Add("Retention:BatchSize must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
