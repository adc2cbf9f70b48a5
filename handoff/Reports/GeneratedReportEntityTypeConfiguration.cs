using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConversationHub.Handoff.Reports;

internal sealed class GeneratedReportEntityTypeConfiguration : IEntityTypeConfiguration<GeneratedReport>
{
    public void Configure(EntityTypeBuilder<GeneratedReport> builder)
    {
        builder.ToTable("generated_reports");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Kind).HasMaxLength(16).IsRequired();
        builder.Property(r => r.Period).HasMaxLength(32).IsRequired();
        // The claim: one report per kind and period across nodes.
        builder.HasIndex(r => new { r.Kind, r.Period }).IsUnique();
        builder.HasIndex(r => r.ClaimedAtUtc);
    }
}
