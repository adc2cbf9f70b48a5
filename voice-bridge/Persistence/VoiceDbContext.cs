using ConversationHub.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.VoiceBridge.Persistence;

/// <summary>
/// The voice module's tables, on the same database as core's: the ids of events already taken in, the calls and their
/// records, the phone lines and their emergency switch's log, and the callback attempts.
/// </summary>
public sealed class VoiceDbContext(DbContextOptions<VoiceDbContext> options) : DbContext(options)
{
    /// <summary>The migrations history table of this context.</summary>
    public const string MigrationsHistoryTable = "__migrations_voice";

    internal DbSet<ProcessedVoiceEvent> ProcessedEvents => Set<ProcessedVoiceEvent>();

    internal DbSet<VoiceCall> Calls => Set<VoiceCall>();

    internal DbSet<VoiceLine> Lines => Set<VoiceLine>();

    internal DbSet<VoiceLineSwitch> LineSwitches => Set<VoiceLineSwitch>();

    internal DbSet<OutboundCallback> Callbacks => Set<OutboundCallback>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfiguration(new ProcessedVoiceEventEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new VoiceCallEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new VoiceLineEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new VoiceLineSwitchEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new OutboundCallbackEntityTypeConfiguration());
    }

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        HubModelConventions.Apply(configurationBuilder);
}
