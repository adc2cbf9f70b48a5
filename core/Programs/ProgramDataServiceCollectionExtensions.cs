using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Core.Programs;

/// <summary>Registration of core's parts of a program's data (disposed of with the program, issue 19).</summary>
internal static class ProgramDataServiceCollectionExtensions
{
    public static IServiceCollection AddCoreProgramData(this IServiceCollection services)
    {
        services.AddScoped<IProgramDataPart, TranscriptProgramData>();
        services.AddScoped<IProgramDataPart, ConversationIdentityProgramData>();
        return services;
    }
}
