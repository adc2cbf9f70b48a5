using ConversationHub.Core.Handoff;
using ConversationHub.Core.Persistence;
using ConversationHub.Handoff.Mail;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ConversationHub.Handoff.Cases;

/// <summary>Registers the cases: commands, queries, the workflow, callbacks, the export and the default lists.</summary>
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
        services.AddOptions<CaseCallbackOptions>().BindConfiguration(CaseCallbackOptions.SectionName)
            .Validate(o => o.DialingExpiry > TimeSpan.Zero && o.RedialAfter > TimeSpan.Zero, "Handoff:Callbacks: DialingExpiry and RedialAfter must be positive.")
            .ValidateOnStart();
        services.AddScoped<CaseCallbacks>();
        services.Replace(ServiceDescriptor.Scoped<ICallbackOutcomes, CaseCallbackOutcomes>());
        services.AddSingleton<CaseExport>();
        services.AddScoped<IInboundMailRouter, CaseMailRouter>();
        services.AddScoped<CasePersonalFields>();
        services.AddSingleton<IStartupSeeder, CaseCatalogSeeder>();
        return services;
    }
}
