using ConversationHub.Core.Retention;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ConversationHub.Core.Tests.Retention;

/// <summary>The retention settings are checked at start: positive periods, the audit log kept at least a year.</summary>
public sealed class RetentionOptionsValidatorTests
{
    private static readonly RetentionOptionsValidator Validator = new();

    [Fact]
    public void Validate_Defaults_Succeed()
    {
        Assert.True(Validator.Validate(null, new RetentionOptions()).Succeeded);
    }

    [Fact]
    public void Validate_AuditLogUnderAYear_FailsWithTheFloor()
    {
        var result = Validator.Validate(null, new RetentionOptions { AuditLog = TimeSpan.FromDays(364) });

        Assert.True(result.Failed);
        Assert.Contains("Retention:AuditLog must be at least 365 days (the audit log is kept at least one year); it is 364 days.", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AuditLogOfExactlyAYear_Succeeds()
    {
        Assert.True(Validator.Validate(null, new RetentionOptions { AuditLog = TimeSpan.FromDays(365) }).Succeeded);
    }

    [Fact]
    public void Validate_ZeroOrNegativePeriodsAndBatch_NameEachSetting()
    {
        var result = Validator.Validate(null, new RetentionOptions { Transcripts = TimeSpan.Zero, Mail = TimeSpan.FromDays(-1), BatchSize = 0 });

        Assert.True(result.Failed);
        Assert.Contains("Retention:Transcripts must be positive.", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Retention:Mail must be positive.", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Retention:BatchSize must be positive.", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("Retention:CallRecords", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void AddRetention_AuditLogSettingUnderAYear_IsRefusedWhenBound()
    {
        // Arrange: the settings as the host binds them.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Retention:AuditLog"] = "200.00:00:00",
            ["Retention:Transcripts"] = "30.00:00:00",
        }).Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddRetention().BuildServiceProvider();

        // Act
        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<RetentionOptions>>().Value);

        // Assert
        Assert.Equal(["Retention:AuditLog must be at least 365 days (the audit log is kept at least one year); it is 200 days."], error.Failures);
    }
}
