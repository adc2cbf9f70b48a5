using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConversationHub.Faq.Search.Misses;

internal sealed class FaqSearchMissEntityTypeConfiguration : IEntityTypeConfiguration<FaqSearchMiss>
{
    public void Configure(EntityTypeBuilder<FaqSearchMiss> builder)
    {
        builder.ToTable("faq_search_misses");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.MaskedQuery).HasMaxLength(FaqSearchMiss.MaxQueryLength);
        builder.Property(m => m.Kind)
            .HasConversion(k => k.ToString().ToLowerInvariant(), s => Enum.Parse<SearchMissKind>(s, true))
            .HasMaxLength(16);
        builder.Property(m => m.Channel)
            .HasConversion(c => c.ToString().ToLowerInvariant(), s => Enum.Parse<SearchChannel>(s, true))
            .HasMaxLength(16);
        // The report reads a window of days and groups it.
        builder.HasIndex(m => m.CreatedAtUtc);
        // The review queue reads the misses nobody has handled yet.
        builder.HasIndex(m => m.HandledAtUtc);
    }
}
