using ConversationHub.Handoff.Programs.Administration;
using ConversationHub.Handoff.Programs.Disposal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ConversationHub.Handoff.Programs;

/// <summary>Registration of programs (施策, issue 19).</summary>
internal static class ProgramsServiceCollectionExtensions
{
    public static IServiceCollection AddPrograms(this IServiceCollection services)
    {
        services.AddScoped<ProgramCatalog>();
        services.Replace(ServiceDescriptor.Scoped<Core.Programs.IProgramFaqRules, ProgramFaqRules>());
        services.AddProgramAdministration();
        services.AddProgramDisposal();
        Reservations.ReservationsServiceCollectionExtensions.AddProgramReservations(services);
        Forms.ProgramFormsServiceCollectionExtensions.AddProgramForms(services);
        Rosters.RostersServiceCollectionExtensions.AddRosters(services);
        Languages.ProgramLanguagesServiceCollectionExtensions.AddProgramLanguages(services);
        return services;
    }
}
