using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConversationHub.Handoff.Admin.Teams;

internal sealed class StaffTeamMemberEntityTypeConfiguration : IEntityTypeConfiguration<StaffTeamMember>
{
    public void Configure(EntityTypeBuilder<StaffTeamMember> builder)
    {
        builder.ToTable("handoff_team_members");
        builder.HasKey(m => new { m.TeamId, m.UserId });
        builder.HasIndex(m => m.UserId);
        builder.HasOne<StaffTeam>().WithMany().HasForeignKey(m => m.TeamId).OnDelete(DeleteBehavior.Cascade);
    }
}
