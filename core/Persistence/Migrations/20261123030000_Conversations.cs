using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ConversationHub.Core.Persistence.Migrations;

/// <summary>Conversations and their transcripts (activity JSON and citizen keys encrypted at rest).</summary>
[DbContext(typeof(HubDbContext))]
[Migration("20261123030000_Conversations")]
internal sealed class Conversations : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "conversations",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Channel = table.Column<string>(maxLength: 16, nullable: false),
                CitizenKey = table.Column<string>(maxLength: 1024, nullable: false),
                CitizenKeyHash = table.Column<string>(maxLength: 80, nullable: false),
                Owner = table.Column<string>(maxLength: 16, nullable: false),
                AgentId = table.Column<Guid>(nullable: true),
                LastSequence = table.Column<long>(nullable: false),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
                UpdatedAtUtc = table.Column<DateTime>(nullable: false),
                EndedAtUtc = table.Column<DateTime>(nullable: true),
                Reason = table.Column<string>(maxLength: 64, nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_conversations", x => x.Id));

        migrationBuilder.CreateTable(
            name: "conversation_activities",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ConversationId = table.Column<Guid>(nullable: false),
                Sequence = table.Column<long>(nullable: false),
                Direction = table.Column<string>(maxLength: 16, nullable: false),
                Type = table.Column<string>(maxLength: 32, nullable: false),
                FromRole = table.Column<string>(maxLength: 16, nullable: false),
                ClientActivityId = table.Column<string>(maxLength: 128, nullable: true),
                ActivityJson = table.Column<string>(nullable: false),
                TimestampUtc = table.Column<DateTime>(nullable: false),
                Delivery = table.Column<string>(maxLength: 16, nullable: false),
                DeliveryAttempts = table.Column<int>(nullable: false),
                NextAttemptAtUtc = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_conversation_activities", x => x.Id);
                table.ForeignKey("FK_conversation_activities_conversations_ConversationId", x => x.ConversationId, "conversations", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_conversation_activities_ConversationId_ClientActivityId", "conversation_activities", ["ConversationId", "ClientActivityId"], unique: true);
        migrationBuilder.CreateIndex("IX_conversation_activities_ConversationId_Sequence", "conversation_activities", ["ConversationId", "Sequence"], unique: true);
        migrationBuilder.CreateIndex("IX_conversation_activities_Delivery_NextAttemptAtUtc", "conversation_activities", ["Delivery", "NextAttemptAtUtc"]);
        migrationBuilder.CreateIndex("IX_conversations_CitizenKeyHash_Owner", "conversations", ["CitizenKeyHash", "Owner"]);
        migrationBuilder.CreateIndex("IX_conversations_Owner_UpdatedAtUtc", "conversations", ["Owner", "UpdatedAtUtc"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("conversation_activities");
        migrationBuilder.DropTable("conversations");
    }
}
