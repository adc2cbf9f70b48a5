using ConversationHub.Core.Persistence;
using ConversationHub.Handoff.Mail;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Handoff.Cases;

/// <summary>Registers the cases: commands, queries, the workflow, the export and the default lists.</summary>
internal static class CasesServiceCollectionExtensions
{
    public static IServiceCollection AddCases(this IServiceCollection services)
    {
        services.AddScoped<CaseActors>();
        services.AddScoped<CaseValidator>();
        services.AddScoped<CaseDesk>();
        services.AddScoped<CallCases>();
        services.AddScoped<CaseWorkflow>();
        services.AddScoped<CaseQueries>();
        services.AddScoped<CaseCatalogAdmin>();
        services.AddScoped<CaseMailer>();
        services.AddSingleton<CaseExport>();
        services.AddScoped<IInboundMailRouter, CaseMailRouter>();
        services.AddSingleton<IStartupSeeder, CaseCatalogSeeder>();
        return services;
    }
}
