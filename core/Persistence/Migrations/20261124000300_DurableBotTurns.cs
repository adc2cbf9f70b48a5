using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ConversationHub.Core.Persistence.Migrations;

/// <summary>
/// Durable turns: an inbound activity records whether it still waits for its answer, and which node holds the
/// lease to answer it. Existing rows keep a null state: they are not answered again after the upgrade.
/// </summary>
[DbContext(typeof(HubDbContext))]
[Migration("20261124000300_DurableBotTurns")]
internal sealed class DurableBotTurns : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("Turn", "conversation_activities", maxLength: 16, nullable: true);
        migrationBuilder.AddColumn<string>("TurnLeaseOwner", "conversation_activities", maxLength: 64, nullable: true);
        migrationBuilder.AddColumn<DateTime>("TurnLeaseUntilUtc", "conversation_activities", nullable: true);
        migrationBuilder.CreateIndex("IX_conversation_activities_Turn_TimestampUtc", "conversation_activities", ["Turn", "TimestampUtc"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_conversation_activities_Turn_TimestampUtc", "conversation_activities");
        migrationBuilder.DropColumn("TurnLeaseUntilUtc", "conversation_activities");
        migrationBuilder.DropColumn("TurnLeaseOwner", "conversation_activities");
        migrationBuilder.DropColumn("Turn", "conversation_activities");
    }
}
