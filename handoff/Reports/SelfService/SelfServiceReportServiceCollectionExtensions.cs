using ConversationHub.Core.Faq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ConversationHub.Handoff.Reports.SelfService;

/// <summary>Registers the self-service report (<c>/console/reports/self-service</c>).</summary>
internal static class SelfServiceReportServiceCollectionExtensions
{
    public static IServiceCollection AddSelfServiceReport(this IServiceCollection services)
    {
        // Without the FAQ module nothing records the site's figures; the FAQ module replaces this with its own.
        services.TryAddScoped<IFaqSiteFigures, NoFaqSiteFigures>();
        services.AddScoped<CaseTrends>();
        services.AddScoped<SelfServiceReports>();
        services.AddScoped<SelfServiceRequests>();
        return services;
    }
}
