using ConversationHub.Bot.Line.Delivery;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConversationHub.Bot.Line.Infrastructure.EntityConfigurations;

internal sealed class LineDeliveryEntityTypeConfiguration : IEntityTypeConfiguration<LineDelivery>
{
    public void Configure(EntityTypeBuilder<LineDelivery> builder)
    {
        builder.ToTable("line_deliveries");
        builder.HasKey(d => d.ActivityId);
        builder.Property(d => d.Method).HasMaxLength(8);
        builder.Property(d => d.LastError).HasMaxLength(300);
    }
}
