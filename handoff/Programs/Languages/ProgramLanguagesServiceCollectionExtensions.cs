using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Handoff.Programs.Languages;

/// <summary>Registers the program texts' editor (page <c>/console/programs/texts</c>).</summary>
internal static class ProgramLanguagesServiceCollectionExtensions
{
    public static IServiceCollection AddProgramLanguages(this IServiceCollection services)
    {
        services.AddScoped<ProgramTextsEditor>();
        return services;
    }
}
