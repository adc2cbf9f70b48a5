using ConversationHub.Core.Persistence;
using ConversationHub.Core.Security;
using ConversationHub.Faq.KnowledgeBase.Domain;
using ConversationHub.Faq.KnowledgeBase.Infrastructure.EntityConfigurations;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Faq.Persistence;

/// <summary>The FAQ module's tables, on the same database as core's.</summary>
public sealed class FaqDbContext(DbContextOptions<FaqDbContext> options) : DbContext(options), IPiiModelContext
{
    public const string MigrationsHistoryTable = "__migrations_faq";

    /// <inheritdoc />
    public IPiiProtector Pii { get; } = PiiOptionsExtension.ProtectorOf(options);

    public DbSet<FaqEntry> Faqs => Set<FaqEntry>();

    public DbSet<FaqCategory> Categories => Set<FaqCategory>();

    public DbSet<FaqRevision> Revisions => Set<FaqRevision>();

    public DbSet<FaqFeedback> Feedback => Set<FaqFeedback>();

    public DbSet<FaqViewCount> ViewCounts => Set<FaqViewCount>();

    public DbSet<FaqSynonymGroup> SynonymGroups => Set<FaqSynonymGroup>();

    public DbSet<FaqAttachment> Attachments => Set<FaqAttachment>();

    public DbSet<FaqAttachmentContent> AttachmentContents => Set<FaqAttachmentContent>();

    public DbSet<Search.Misses.FaqSearchMiss> SearchMisses => Set<Search.Misses.FaqSearchMiss>();

    public DbSet<Ranking.Judgements.RankingJudgement> RankingJudgements => Set<Ranking.Judgements.RankingJudgement>();

    public DbSet<Ranking.Judgements.JudgementSnapshot> JudgementSnapshots => Set<Ranking.Judgements.JudgementSnapshot>();

    public DbSet<Ranking.History.RankingModelRecord> RankingModels => Set<Ranking.History.RankingModelRecord>();

    public DbSet<Ranking.History.RankingModelActivation> RankingModelActivations => Set<Ranking.History.RankingModelActivation>();

    public DbSet<Ranking.Retraining.TrainingRun> TrainingRuns => Set<Ranking.Retraining.TrainingRun>();

    public DbSet<KnowledgeBase.Proposals.FaqProposal> Proposals => Set<KnowledgeBase.Proposals.FaqProposal>();

    public DbSet<Search.Tally.FaqQuestionCount> QuestionCounts => Set<Search.Tally.FaqQuestionCount>();

    public DbSet<Translations.FaqTranslation> Translations => Set<Translations.FaqTranslation>();

    public DbSet<ProgramFaqs.FaqProgramHold> ProgramHolds => Set<ProgramFaqs.FaqProgramHold>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new FaqEntryEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new FaqParaphraseEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new FaqOwnerEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new FaqCategoryEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new FaqRelatedLinkEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new FaqAttachmentEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new FaqAttachmentContentEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new FaqRevisionEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new FaqFeedbackEntityTypeConfiguration(Pii));
        modelBuilder.ApplyConfiguration(new FaqViewCountEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new Search.Terms.SearchTermCountEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new FaqSynonymGroupEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new Search.Misses.FaqSearchMissEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new Ranking.Judgements.RankingJudgementEntityTypeConfiguration(Pii));
        modelBuilder.ApplyConfiguration(new Ranking.Judgements.JudgementSnapshotEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new Ranking.History.RankingModelRecordEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new Ranking.History.RankingModelActivationEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new Ranking.Retraining.TrainingRunEntityTypeConfiguration(Pii));
        modelBuilder.ApplyConfiguration(new KnowledgeBase.Proposals.FaqProposalEntityTypeConfiguration(Pii));
        modelBuilder.ApplyConfiguration(new Search.Tally.FaqQuestionCountEntityTypeConfiguration());
        ConversationHub.Faq.Translations.FaqTranslationsModel.Configure(modelBuilder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        HubModelConventions.Apply(configurationBuilder);
}
