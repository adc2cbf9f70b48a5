using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ConversationHub.Core.Identity.SignIn;

/// <summary>Must-change-password and two-factor sign-in: services, the staff-area gate and the administrators' endpoint.</summary>
public static class SignInStepsExtensions
{
    /// <summary>Registers <c>Security:TwoFactor</c> (validated at start), the step rules and the claims that carry them.</summary>
    public static IServiceCollection AddStaffSignInSteps(this IServiceCollection services)
    {
        services.AddOptions<TwoFactorOptions>().BindConfiguration(TwoFactorOptions.SectionName)
            // A configured list adds to the default; Administrator can never be left out.
            .PostConfigure(options =>
            {
                if (!options.RequiredRoles.Contains(HubRoles.Administrator, StringComparer.Ordinal))
                    options.RequiredRoles.Add(HubRoles.Administrator);
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<TwoFactorOptions>, TwoFactorOptionsValidator>();
        services.AddScoped<SignInSteps>();
        services.Replace(ServiceDescriptor.Scoped<IUserClaimsPrincipalFactory<HubUser>, StaffClaimsPrincipalFactory>());
        return services;
    }

    /// <summary>Keeps users who owe a sign-in step out of the staff area; goes right after authentication.</summary>
    public static IApplicationBuilder UseStaffSignInSteps(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Use(SignInStepsGate.InvokeAsync);
    }

    /// <summary>Maps the administrators' two-factor reset endpoint.</summary>
    public static IEndpointRouteBuilder MapStaffSignInSteps(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapTwoFactorAdminApi();
    }
}
