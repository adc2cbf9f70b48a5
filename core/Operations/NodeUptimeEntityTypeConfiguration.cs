using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConversationHub.Core.Operations;

internal sealed class NodeUptimeEntityTypeConfiguration : IEntityTypeConfiguration<NodeUptime>
{
    public void Configure(EntityTypeBuilder<NodeUptime> builder)
    {
        builder.ToTable("node_uptime");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.NodeId).HasMaxLength(64).IsRequired();
        builder.HasIndex(u => u.StartedAtUtc);
        builder.HasIndex(u => u.LastSeenAtUtc);
    }
}
