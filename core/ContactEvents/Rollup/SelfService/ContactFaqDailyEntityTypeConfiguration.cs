using ConversationHub.Core.ContactEvents.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConversationHub.Core.ContactEvents.Rollup.SelfService;

internal sealed class ContactFaqDailyEntityTypeConfiguration : IEntityTypeConfiguration<ContactFaqDaily>
{
    public void Configure(EntityTypeBuilder<ContactFaqDaily> builder)
    {
        builder.ToTable("contact_faq_daily");
        builder.HasKey(f => new { f.DayJst, f.Channel, f.FaqId, f.ProgramId });
        builder.Property(f => f.ProgramId).HasDefaultValue(Guid.Empty);
        builder.Property(f => f.Channel).HasConversion<string>().HasMaxLength(16);
        builder.Property(f => f.FaqId).HasMaxLength(ContactEvent.MaxCodeLength);
    }
}
