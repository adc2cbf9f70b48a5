using ConversationHub.Core.Audit;
using ConversationHub.Core.ContactEvents.Domain;
using ConversationHub.Core.ContactEvents.Infrastructure;
using ConversationHub.Core.ContactEvents.Rollup;
using ConversationHub.Core.ContactEvents.Rollup.SelfService;
using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Conversations.Infrastructure;
using ConversationHub.Core.Identity;
using ConversationHub.Core.Identity.Infrastructure;
using ConversationHub.Core.Operations;
using ConversationHub.Core.Organisation;
using ConversationHub.Core.Organisation.Infrastructure;
using ConversationHub.Core.Retention;
using ConversationHub.Core.Security;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Core.Persistence;

/// <summary>
/// The core module's tables: organisation and identity (conversations join them in the bot issue).
/// Other modules own their tables in their own contexts on the same database.
/// </summary>
public sealed class HubDbContext(DbContextOptions<HubDbContext> options)
    : IdentityDbContext<HubUser, HubRole, Guid>(options), IPiiModelContext, IDataProtectionKeyContext
{
    /// <summary>The migrations history table of this context.</summary>
    public const string MigrationsHistoryTable = "__migrations_core";

    /// <inheritdoc />
    public IPiiProtector Pii { get; } = PiiOptionsExtension.ProtectorOf(options);

    /// <summary>City departments.</summary>
    public DbSet<Department> Departments => Set<Department>();

    /// <summary>Conversations on every channel.</summary>
    public DbSet<Conversation> Conversations => Set<Conversation>();

    /// <summary>The transcripts, in order per conversation.</summary>
    public DbSet<TranscriptActivity> Activities => Set<TranscriptActivity>();

    /// <summary>Files citizens sent (content encrypted at rest).</summary>
    public DbSet<ConversationFile> Files => Set<ConversationFile>();

    /// <summary>What happened to contacts on every channel (no personal data).</summary>
    public DbSet<ContactEvent> ContactEvents => Set<ContactEvent>();

    /// <summary>The contact events' hourly roll-up.</summary>
    public DbSet<ContactHourlyFigures> ContactHourly => Set<ContactHourlyFigures>();

    /// <summary>The roll-up's lock row.</summary>
    public DbSet<ContactRollupState> ContactRollupState => Set<ContactRollupState>();

    /// <summary>Each node's runs, from its heartbeats (the availability figure).</summary>
    public DbSet<NodeUptime> NodeUptime => Set<NodeUptime>();

    /// <summary>The hash-chained audit log.</summary>
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();

    /// <summary>Each retention kind's run per day: the claim across nodes and what it did.</summary>
    public DbSet<RetentionRun> RetentionRuns => Set<RetentionRun>();

    /// <summary>ASP.NET Core data-protection keys, shared by every node (encrypted with the PII keys).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfiguration(new DepartmentEntityTypeConfiguration());
        IdentityModel.Configure(builder, Pii);
        builder.ApplyConfiguration(new ConversationEntityTypeConfiguration(Pii));
        builder.ApplyConfiguration(new TranscriptActivityEntityTypeConfiguration(Pii));
        builder.ApplyConfiguration(new ConversationFileEntityTypeConfiguration(Pii));
        builder.ApplyConfiguration(new ContactEventEntityTypeConfiguration());
        builder.ApplyConfiguration(new ContactHourlyFiguresEntityTypeConfiguration());
        builder.ApplyConfiguration(new ContactRollupStateEntityTypeConfiguration());
        builder.ApplyConfiguration(new ContactFaqDailyEntityTypeConfiguration());
        builder.ApplyConfiguration(new ContactBotDailyEntityTypeConfiguration());
        builder.ApplyConfiguration(new NodeUptimeEntityTypeConfiguration());
        builder.ApplyConfiguration(new AuditEntryEntityTypeConfiguration(Pii));
        builder.ApplyConfiguration(new RetentionRunEntityTypeConfiguration());
        builder.Entity<DataProtectionKey>(key =>
        {
            key.ToTable("data_protection_keys");
            key.Property(k => k.FriendlyName).HasMaxLength(100);
            key.Property(k => k.Xml).HasMaxLength(8000);
        });
    }

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        HubModelConventions.Apply(configurationBuilder);
    }
}
