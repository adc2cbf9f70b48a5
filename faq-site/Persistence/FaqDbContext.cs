using ConversationHub.Core.Persistence;
using ConversationHub.Faq.KnowledgeBase.Domain;
using ConversationHub.Faq.KnowledgeBase.Infrastructure.EntityConfigurations;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Faq.Persistence;

/// <summary>The FAQ module's tables, on the same database as core's.</summary>
public sealed class FaqDbContext(DbContextOptions<FaqDbContext> options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__migrations_faq";

    public DbSet<FaqEntry> Faqs => Set<FaqEntry>();

    public DbSet<FaqCategory> Categories => Set<FaqCategory>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new FaqEntryEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new FaqParaphraseEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new FaqOwnerEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new FaqCategoryEntityTypeConfiguration());
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        HubModelConventions.Apply(configurationBuilder);
}
