using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ConversationHub.Handoff.Persistence.Migrations;

/// <summary>
/// Teams and groups as their own records (issue 18, user administration): a unique name and its members; a team's
/// members go with it when it is deleted.
/// </summary>
[DbContext(typeof(HandoffDbContext))]
[Migration("20261206140100_StaffTeams")]
internal sealed class StaffTeams : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "handoff_teams",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
                UpdatedAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_handoff_teams", x => x.Id));
        migrationBuilder.CreateIndex("IX_handoff_teams_Name", "handoff_teams", "Name", unique: true);

        migrationBuilder.CreateTable(
            name: "handoff_team_members",
            columns: table => new
            {
                TeamId = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_handoff_team_members", x => new { x.TeamId, x.UserId });
                table.ForeignKey("FK_handoff_team_members_handoff_teams_TeamId", x => x.TeamId, "handoff_teams", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_handoff_team_members_UserId", "handoff_team_members", "UserId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("handoff_team_members");
        migrationBuilder.DropTable("handoff_teams");
    }
}
