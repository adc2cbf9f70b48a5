using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Handoff.Programs.Rosters;

/// <summary>Registration of programs' rosters (配布先名簿).</summary>
internal static class RostersServiceCollectionExtensions
{
    public static IServiceCollection AddRosters(this IServiceCollection services)
    {
        services.AddScoped<ConfigureRosterLayout>();
        services.AddScoped<ImportRoster>();
        services.AddScoped<ImportRosterStatuses>();
        services.AddScoped<LookUpHousehold>();
        services.AddScoped<DeclineHousehold>();
        services.AddScoped<Core.Programs.IProgramDataPart, RosterProgramData>();
        return services;
    }
}
