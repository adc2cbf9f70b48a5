using ConversationHub.Handoff.Admin.Teams;
using ConversationHub.Handoff.Admin.Users;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Handoff.Admin;

/// <summary>Registers the administrators' user, team and CSV services (the pages live under Pages/Console/Admin).</summary>
internal static class UserAdministrationServiceCollectionExtensions
{
    public static IServiceCollection AddUserAdministration(this IServiceCollection services)
    {
        services.AddScoped<StaffAccountRules>();
        services.AddScoped<StaffAccounts>();
        services.AddScoped<StaffDirectory>();
        services.AddScoped<StaffCsvImport>();
        services.AddScoped<TeamDirectory>();
        return services;
    }
}
