using ConversationHub.Handoff.Admin.Teams;
using ConversationHub.Handoff.Admin.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Handoff.Admin;

/// <summary>Registers the administrators' user, team and CSV services (the pages live under Pages/Console/Admin).</summary>
internal static class UserAdministrationServiceCollectionExtensions
{
    /// <summary>How often a session checks its account's security stamp (default one minute; Identity's own is 30).</summary>
    public const string SessionRecheckSetting = "Security:SessionRecheck";

    public static IServiceCollection AddUserAdministration(this IServiceCollection services)
    {
        // Disabling an account, resetting its password or removing a role changes its security stamp; each session
        // re-checks the stamp this often, so such a change ends the account's open sessions within a minute.
        services.AddOptions<SecurityStampValidatorOptions>()
            .Configure<IConfiguration>((options, configuration) =>
                options.ValidationInterval = configuration.GetValue<TimeSpan?>(SessionRecheckSetting) ?? TimeSpan.FromMinutes(1));
        services.AddScoped<StaffAccountRules>();
        services.AddScoped<StaffAccounts>();
        services.AddScoped<StaffDirectory>();
        services.AddScoped<StaffCsvImport>();
        services.AddScoped<TeamDirectory>();
        return services;
    }
}
