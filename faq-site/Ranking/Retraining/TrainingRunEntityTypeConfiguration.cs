using ConversationHub.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConversationHub.Faq.Ranking.Retraining;

internal sealed class TrainingRunEntityTypeConfiguration(IPiiProtector protector) : IEntityTypeConfiguration<TrainingRun>
{
    public void Configure(EntityTypeBuilder<TrainingRun> builder)
    {
        builder.ToTable("ranking_training_runs");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Trigger).HasConversion(t => t.ToString().ToLowerInvariant(), t => Enum.Parse<TrainingRunTrigger>(t, true)).HasMaxLength(16);
        // A concurrency token: a node finishing a run that another node has meanwhile failed as stale must not win.
        builder.Property(r => r.Status).HasConversion(s => s.ToString().ToLowerInvariant(), s => Enum.Parse<TrainingRunStatus>(s, true)).HasMaxLength(16).IsConcurrencyToken();
        builder.Property(r => r.NodeId).HasMaxLength(TrainingRun.MaxNodeIdLength);
        builder.Property(r => r.ProgressJson).IsRequired();
        // Masked queries of citizens; no max length, since ciphertext outgrows the plain text.
        builder.Property(r => r.ChangedAnswersJson).IsEncryptedPersonalData(protector, "ranking_training_runs.ChangedAnswersJson");
        builder.Property(r => r.FailureReason).HasMaxLength(TrainingRunFailure.MaxLength);
        builder.Property(r => r.FailureDetail).HasMaxLength(TrainingRun.MaxFailureDetailLength);
        builder.Ignore(r => r.Progress);
        builder.Ignore(r => r.ChangedAnswers);
        builder.Ignore(r => r.NewFigures);
        builder.Ignore(r => r.ActiveFigures);
        // One run at a time and one scheduled run a day, across nodes: both engines allow many NULLs in a unique index.
        builder.HasIndex(r => r.ActiveSlot).IsUnique();
        builder.HasIndex(r => r.ScheduledDay).IsUnique();
        builder.HasIndex(r => r.RequestedAtUtc);
    }
}
