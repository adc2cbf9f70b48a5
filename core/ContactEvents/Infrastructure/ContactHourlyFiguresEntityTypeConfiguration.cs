using ConversationHub.Core.ContactEvents.Domain;
using ConversationHub.Core.ContactEvents.Rollup;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConversationHub.Core.ContactEvents.Infrastructure;

internal sealed class ContactHourlyFiguresEntityTypeConfiguration : IEntityTypeConfiguration<ContactHourlyFigures>
{
    public void Configure(EntityTypeBuilder<ContactHourlyFigures> builder)
    {
        builder.ToTable("contact_hourly");
        builder.HasKey(f => new { f.HourStartUtc, f.Channel, f.DepartmentId, f.Category, f.ProgramId });
        builder.Property(f => f.ProgramId).HasDefaultValue(Guid.Empty);
        builder.Property(f => f.Channel).HasConversion<string>().HasMaxLength(16);
        builder.Property(f => f.Category).HasMaxLength(ContactEvent.MaxCodeLength);
        builder.HasIndex(f => new { f.DepartmentId, f.HourStartUtc });
        builder.HasIndex(f => new { f.ProgramId, f.HourStartUtc });
    }
}
