using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ConversationHub.VoiceBridge.Persistence.Migrations;

/// <summary>Callback attempts (架電, issue 16): the outbound calls to citizens and their outcome. Hand-written, provider-neutral.</summary>
[DbContext(typeof(VoiceDbContext))]
[Migration("20261206082000_Callbacks")]
internal sealed class Callbacks : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "voice_callbacks",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CaseId = table.Column<Guid>(nullable: false),
                CallConnectionId = table.Column<string>(maxLength: 128, nullable: true),
                CitizenEncrypted = table.Column<string>(nullable: false),
                AgentTarget = table.Column<string>(maxLength: 200, nullable: false),
                LineNumber = table.Column<string>(maxLength: 32, nullable: false),
                State = table.Column<string>(maxLength: 16, nullable: false),
                Result = table.Column<string>(maxLength: 16, nullable: true),
                Detail = table.Column<string>(maxLength: 200, nullable: true),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
                ConnectedAtUtc = table.Column<DateTime>(nullable: true),
                EndedAtUtc = table.Column<DateTime>(nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_voice_callbacks", x => x.Id));
        migrationBuilder.CreateIndex("IX_voice_callbacks_CallConnectionId", "voice_callbacks", "CallConnectionId");
        migrationBuilder.CreateIndex("IX_voice_callbacks_CaseId", "voice_callbacks", "CaseId");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("voice_callbacks");
}
