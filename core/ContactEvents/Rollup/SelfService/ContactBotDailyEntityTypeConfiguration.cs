using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConversationHub.Core.ContactEvents.Rollup.SelfService;

internal sealed class ContactBotDailyEntityTypeConfiguration : IEntityTypeConfiguration<ContactBotDaily>
{
    public void Configure(EntityTypeBuilder<ContactBotDaily> builder)
    {
        builder.ToTable("contact_bot_daily");
        builder.HasKey(f => new { f.DayJst, f.Channel, f.ProgramId });
        builder.Property(f => f.ProgramId).HasDefaultValue(Guid.Empty);
        builder.Property(f => f.Channel).HasConversion<string>().HasMaxLength(16);
    }
}
