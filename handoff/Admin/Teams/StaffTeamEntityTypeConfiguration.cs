using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConversationHub.Handoff.Admin.Teams;

internal sealed class StaffTeamEntityTypeConfiguration : IEntityTypeConfiguration<StaffTeam>
{
    public void Configure(EntityTypeBuilder<StaffTeam> builder)
    {
        builder.ToTable("handoff_teams");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Name).HasMaxLength(StaffTeam.MaxNameLength).IsRequired();
        builder.HasIndex(t => t.Name).IsUnique();
    }
}
