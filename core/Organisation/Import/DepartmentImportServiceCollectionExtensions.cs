using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ConversationHub.Core.Organisation.Import;

/// <summary>Registers the organisation CSV import.</summary>
internal static class DepartmentImportServiceCollectionExtensions
{
    /// <summary>Adds <see cref="DepartmentCsvImporter"/> (scoped, like the <c>HubDbContext</c> it uses) and the system clock.</summary>
    public static IServiceCollection AddDepartmentImport(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<DepartmentCsvImporter>();
        return services;
    }
}
