using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Core.Persistence;

/// <summary>Conventions every module's context applies, so that both providers store the same values.</summary>
public static class HubModelConventions
{
    /// <summary>Applies the shared conventions (UTC timestamps).</summary>
    public static void Apply(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}
