using ConversationHub.Core.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Core.Identity;

/// <summary>Creates the staff roles of <see cref="HubRoles"/> that are missing, on every start.</summary>
internal sealed class EnsureRolesSeeder : IStartupSeeder
{
    public int Order => 0;

    public async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<HubRole>>();
        foreach (var name in HubRoles.All)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!await roles.RoleExistsAsync(name))
            {
                var result = await roles.CreateAsync(new HubRole(name));
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException($"Could not create role {name}: {string.Join("; ", result.Errors.Select(e => e.Code))}");
                }
            }
        }
    }
}
