using ConversationHub.Core.Programs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ConversationHub.Handoff.Programs.Administration;

/// <summary>Registers the program editor (pages under Pages/Console/Programs) and the programs' directory for the channels.</summary>
internal static class ProgramAdministrationServiceCollectionExtensions
{
    public static IServiceCollection AddProgramAdministration(this IServiceCollection services)
    {
        services.AddScoped<ProgramEditor>();
        // The bot and the voice bridge find a program's entry through core's contract.
        services.Replace(ServiceDescriptor.Scoped<IProgramDirectory, ProgramDirectory>());
        return services;
    }
}
