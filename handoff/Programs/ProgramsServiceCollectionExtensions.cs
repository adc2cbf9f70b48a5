using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Handoff.Programs;

/// <summary>Registration of programs (施策, issue 19).</summary>
internal static class ProgramsServiceCollectionExtensions
{
    public static IServiceCollection AddPrograms(this IServiceCollection services)
    {
        services.AddScoped<ProgramCatalog>();
        Rosters.RostersServiceCollectionExtensions.AddRosters(services);
        return services;
    }
}
