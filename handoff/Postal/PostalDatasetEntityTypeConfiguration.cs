using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConversationHub.Handoff.Postal;

/// <summary>Table <c>handoff_postal_datasets</c> (migration <c>20261206010000_PostalCodes</c>).</summary>
internal sealed class PostalDatasetEntityTypeConfiguration : IEntityTypeConfiguration<PostalDataset>
{
    public const int SourceNameLength = 260;

    public void Configure(EntityTypeBuilder<PostalDataset> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("handoff_postal_datasets");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.SourceName).HasMaxLength(SourceNameLength).IsRequired();
        builder.Property(d => d.Format).HasMaxLength(32).IsRequired();
        builder.Property(d => d.Sha256).HasMaxLength(64).IsRequired();
        builder.Property(d => d.LoadedBy).HasMaxLength(64).IsRequired();
        builder.Property(d => d.Data).IsRequired();
    }
}
