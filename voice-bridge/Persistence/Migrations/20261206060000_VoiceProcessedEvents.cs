using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ConversationHub.VoiceBridge.Persistence.Migrations;

/// <summary>
/// The ids of Event Grid and callback events already taken in (issue 16), so redeliveries are dropped on every node.
/// Hand-written and provider-neutral like the other modules' migrations.
/// </summary>
[DbContext(typeof(VoiceDbContext))]
[Migration("20261206060000_VoiceProcessedEvents")]
internal sealed class VoiceProcessedEvents : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "voice_processed_events",
            columns: table => new
            {
                Source = table.Column<string>(maxLength: 16, nullable: false),
                EventId = table.Column<string>(maxLength: 128, nullable: false),
                Type = table.Column<string>(maxLength: 128, nullable: false),
                ReceivedAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_voice_processed_events", x => new { x.Source, x.EventId }));
        migrationBuilder.CreateIndex("IX_voice_processed_events_ReceivedAtUtc", "voice_processed_events", "ReceivedAtUtc");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("voice_processed_events");
}
