using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConversationHub.Faq.Search.Terms;

internal sealed class SearchTermCountEntityTypeConfiguration : IEntityTypeConfiguration<SearchTermCount>
{
    public const string Table = "faq_search_terms";

    public void Configure(EntityTypeBuilder<SearchTermCount> builder)
    {
        builder.ToTable(Table);
        // One row per day and term: every node adds its counts to the same row.
        builder.HasKey(c => new { c.DayJst, c.Term });
        builder.Property(c => c.Term).HasMaxLength(SearchTermCount.MaxTermLength);
    }
}
