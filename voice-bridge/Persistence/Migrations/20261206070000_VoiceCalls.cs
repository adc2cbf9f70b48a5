using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ConversationHub.VoiceBridge.Persistence.Migrations;

/// <summary>The calls in progress and their flow's state, so a call's events can reach any node. Hand-written, provider-neutral.</summary>
[DbContext(typeof(VoiceDbContext))]
[Migration("20261206070000_VoiceCalls")]
internal sealed class VoiceCalls : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "voice_calls",
            columns: table => new
            {
                CallConnectionId = table.Column<string>(maxLength: 128, nullable: false),
                ConversationId = table.Column<Guid>(nullable: false),
                CallerEncrypted = table.Column<string>(nullable: false),
                LineNumber = table.Column<string>(maxLength: 32, nullable: false),
                Language = table.Column<string>(maxLength: 8, nullable: false),
                FlowState = table.Column<string>(nullable: false),
                Version = table.Column<int>(nullable: false),
                StartedAtUtc = table.Column<DateTime>(nullable: false),
                EndedAtUtc = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_voice_calls", x => x.CallConnectionId));
        migrationBuilder.CreateIndex("IX_voice_calls_ConversationId", "voice_calls", "ConversationId");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("voice_calls");
}
