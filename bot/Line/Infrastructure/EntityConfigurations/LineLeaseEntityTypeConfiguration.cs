using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConversationHub.Bot.Line.Infrastructure.EntityConfigurations;

internal sealed class LineLeaseEntityTypeConfiguration : IEntityTypeConfiguration<LineLease>
{
    public void Configure(EntityTypeBuilder<LineLease> builder)
    {
        builder.ToTable("line_leases");
        builder.HasKey(l => l.Key);
        builder.Property(l => l.Key).HasMaxLength(120);
        builder.Property(l => l.Holder).HasMaxLength(64).IsRequired();
    }
}
