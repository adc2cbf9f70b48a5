using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ConversationHub.Core.Persistence.Migrations;

/// <summary>
/// The human handoff (issue 14): a closed conversation can await the citizen's satisfaction answer, and the agents'
/// chats are found by owner and agent (routing counts each agent's open chats on every offer).
/// </summary>
[DbContext(typeof(HubDbContext))]
[Migration("20261206000000_HandoffOwnerColumns")]
internal sealed class HandoffOwnerColumns : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateTime>("SurveyUntilUtc", "conversations", nullable: true);
        migrationBuilder.CreateIndex("IX_conversations_Owner_AgentId", "conversations", ["Owner", "AgentId"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_conversations_Owner_AgentId", "conversations");
        migrationBuilder.DropColumn("SurveyUntilUtc", "conversations");
    }
}
