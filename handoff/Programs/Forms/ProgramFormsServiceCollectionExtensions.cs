using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Handoff.Programs.Forms;

/// <summary>Registration of program forms (代行入力, issue 19).</summary>
internal static class ProgramFormsServiceCollectionExtensions
{
    public static IServiceCollection AddProgramForms(this IServiceCollection services)
    {
        services.AddOptions<FormExportOptions>().BindConfiguration(FormExportOptions.SectionName)
            .Validate(o => o.CheckInterval > TimeSpan.Zero && o.DailyAt >= TimeSpan.Zero && o.DailyAt < TimeSpan.FromDays(1),
                "Programs:Forms: CheckInterval positive; DailyAt within the day.")
            .ValidateOnStart();
        services.AddScoped<ProgramForms>();
        services.AddScoped<ProgramFormEntries>();
        services.AddScoped<FormAnswers>();
        services.AddScoped<FormExport>();
        services.AddSingleton<DailyFormExportRunner>();
        services.AddHostedService<MakeDailyFormExportsService>();
        services.Configure<RateLimiterOptions>(PublicFormRateLimits.Configure);
        return services;
    }
}
