using ConversationHub.Faq.Search.Misses;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConversationHub.Faq.Search.Tally;

internal sealed class FaqQuestionCountEntityTypeConfiguration : IEntityTypeConfiguration<FaqQuestionCount>
{
    public void Configure(EntityTypeBuilder<FaqQuestionCount> builder)
    {
        builder.ToTable("faq_question_counts");
        // One row per hour and channel: every node adds its counts to the same row.
        builder.HasKey(c => new { c.HourUtc, c.Channel });
        builder.Property(c => c.Channel)
            .HasConversion(c => c.ToString().ToLowerInvariant(), s => Enum.Parse<SearchChannel>(s, true))
            .HasMaxLength(16);
    }
}
