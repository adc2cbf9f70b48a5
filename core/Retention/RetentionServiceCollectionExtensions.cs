using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ConversationHub.Core.Retention;

/// <summary>Registers the retention settings, core's own policies, the runner and the daily job.</summary>
internal static class RetentionServiceCollectionExtensions
{
    public static IServiceCollection AddRetention(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RetentionOptions>, RetentionOptionsValidator>();
        services.AddScoped<IRetentionPolicy, TranscriptRetentionPolicy>();
        services.AddScoped<IRetentionPolicy, AuditLogRetentionPolicy>();
        services.AddSingleton<RetentionRunner>();
        services.AddHostedService<ApplyRetentionService>();
        return services;
    }
}
