using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ConversationHub.Handoff.Reports;

/// <summary>Registers the report definitions, their settings (validated at start) and the scheduled generation.</summary>
internal static class ReportsServiceCollectionExtensions
{
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddOptions<ReportOptions>().BindConfiguration(ReportOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReportOptions>, ReportOptionsValidator>();
        services.AddScoped<DailyPeriods>();
        services.AddScoped<ReportRequests>();
        services.AddScoped<ReportFigureTables>();
        services.AddScoped<ReportListTables>();
        services.AddScoped<SlaFigures>();
        services.AddScoped<IReportDefinition, DailyReportDefinition>();
        services.AddScoped<IReportDefinition, MonthlyReportDefinition>();
        services.AddScoped<IReportDefinition, FinalReportDefinition>();
        services.AddSingleton<ScheduledReportRunner>();
        services.AddHostedService<GenerateScheduledReportsService>();
        return services;
    }

    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder endpoints) => endpoints.MapReportsApi();
}
