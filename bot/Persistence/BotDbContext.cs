using ConversationHub.Bot.Line.Delivery;
using ConversationHub.Bot.Line.Inbox;
using ConversationHub.Bot.Line.Infrastructure;
using ConversationHub.Bot.Line.Infrastructure.EntityConfigurations;
using ConversationHub.Core.Persistence;
using ConversationHub.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Bot.Persistence;

/// <summary>
/// The bot module's tables (the LINE channel's inbox, the LINE side of its deliveries, and leases), on the same database
/// as core's. Which outbound messages are still to deliver is recorded in core's transcript, not here.
/// </summary>
public sealed class BotDbContext(DbContextOptions<BotDbContext> options) : DbContext(options), IPiiModelContext
{
    /// <summary>The migrations history table of this context.</summary>
    public const string MigrationsHistoryTable = "__migrations_bot";

    /// <inheritdoc />
    public IPiiProtector Pii { get; } = PiiOptionsExtension.ProtectorOf(options);

    internal DbSet<LineInboxEvent> LineInbox => Set<LineInboxEvent>();

    internal DbSet<LineDelivery> LineDeliveries => Set<LineDelivery>();

    internal DbSet<LineLease> LineLeases => Set<LineLease>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new LineInboxEventEntityTypeConfiguration(Pii));
        modelBuilder.ApplyConfiguration(new LineDeliveryEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new LineLeaseEntityTypeConfiguration());
    }

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        HubModelConventions.Apply(configurationBuilder);
}
