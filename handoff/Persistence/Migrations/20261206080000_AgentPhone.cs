using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ConversationHub.Handoff.Persistence.Migrations;

/// <summary>The agent's phone for calls (issue 16): where an accepted call is connected.</summary>
[DbContext(typeof(HandoffDbContext))]
[Migration("20261206080000_AgentPhone")]
internal sealed class AgentPhoneTargets : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<string>(name: "PhoneTarget", table: "handoff_agents", maxLength: 200, nullable: true);

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropColumn(name: "PhoneTarget", table: "handoff_agents");
}
