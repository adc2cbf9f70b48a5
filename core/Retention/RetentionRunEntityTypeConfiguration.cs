using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConversationHub.Core.Retention;

internal sealed class RetentionRunEntityTypeConfiguration : IEntityTypeConfiguration<RetentionRun>
{
    public void Configure(EntityTypeBuilder<RetentionRun> builder)
    {
        builder.ToTable("retention_runs");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Kind).HasMaxLength(40).IsRequired();
        // The claim: one run per kind and day across nodes.
        builder.HasIndex(r => new { r.Kind, r.DayStartUtc }).IsUnique();
    }
}
