using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ConversationHub.VoiceBridge.Persistence.Migrations;

/// <summary>
/// Events taken in are kept (encrypted) until handled, with the claim of the node handling them, so an acknowledged
/// event survives the node that took it in.
/// </summary>
[DbContext(typeof(VoiceDbContext))]
[Migration("20261206090000_VoiceEventOutbox")]
internal sealed class VoiceEventOutbox : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "Payload", table: "voice_processed_events", nullable: true);
        migrationBuilder.AddColumn<DateTime>(name: "HandledAtUtc", table: "voice_processed_events", nullable: true);
        migrationBuilder.AddColumn<DateTime>(name: "ClaimedUntilUtc", table: "voice_processed_events", nullable: true);
        migrationBuilder.CreateIndex("IX_voice_processed_events_HandledAtUtc_ReceivedAtUtc", "voice_processed_events", ["HandledAtUtc", "ReceivedAtUtc"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_voice_processed_events_HandledAtUtc_ReceivedAtUtc", "voice_processed_events");
        migrationBuilder.DropColumn(name: "ClaimedUntilUtc", table: "voice_processed_events");
        migrationBuilder.DropColumn(name: "HandledAtUtc", table: "voice_processed_events");
        migrationBuilder.DropColumn(name: "Payload", table: "voice_processed_events");
    }
}
