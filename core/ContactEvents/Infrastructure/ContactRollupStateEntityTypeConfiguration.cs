using ConversationHub.Core.ContactEvents.Rollup;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConversationHub.Core.ContactEvents.Infrastructure;

internal sealed class ContactRollupStateEntityTypeConfiguration : IEntityTypeConfiguration<ContactRollupState>
{
    public const string Table = "contact_rollup_state";

    public void Configure(EntityTypeBuilder<ContactRollupState> builder)
    {
        builder.ToTable(Table);
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
    }
}
