using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ConversationHub.Core.Persistence.Migrations;

/// <summary>
/// Durable turns: an inbound activity records whether it still waits for its answer, and which node holds the
/// lease to answer it. Existing rows keep a null state: they are not answered again after the upgrade. Files citizens
/// send move into the database (encrypted), so every node serves them.
/// </summary>
[DbContext(typeof(HubDbContext))]
[Migration("20261124000300_DurableTurnsAndConversationFiles")]
internal sealed class DurableTurnsAndConversationFiles : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("Turn", "conversation_activities", maxLength: 16, nullable: true);
        migrationBuilder.AddColumn<string>("TurnLeaseOwner", "conversation_activities", maxLength: 64, nullable: true);
        migrationBuilder.AddColumn<DateTime>("TurnLeaseUntilUtc", "conversation_activities", nullable: true);
        migrationBuilder.CreateIndex("IX_conversation_activities_Turn_TimestampUtc", "conversation_activities", ["Turn", "TimestampUtc"]);

        migrationBuilder.CreateTable(
            name: "conversation_files",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ConversationId = table.Column<Guid>(nullable: false),
                ContentType = table.Column<string>(maxLength: 100, nullable: false),
                Length = table.Column<long>(nullable: false),
                ContentBase64 = table.Column<string>(nullable: false),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_conversation_files", x => x.Id);
                table.ForeignKey("FK_conversation_files_conversations_ConversationId", x => x.ConversationId, "conversations", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_conversation_files_ConversationId", "conversation_files", ["ConversationId"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("conversation_files");
        migrationBuilder.DropIndex("IX_conversation_activities_Turn_TimestampUtc", "conversation_activities");
        migrationBuilder.DropColumn("TurnLeaseUntilUtc", "conversation_activities");
        migrationBuilder.DropColumn("TurnLeaseOwner", "conversation_activities");
        migrationBuilder.DropColumn("Turn", "conversation_activities");
    }
}
