using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ConversationHub.VoiceBridge.Persistence.Migrations;

/// <summary>
/// The call record on each call (issue 16): the way through the menu, questions (encrypted), FAQs answered, SMS sent,
/// queue and agent times, the department it moved on to, and how it ended — what the reports read.
/// </summary>
[DbContext(typeof(VoiceDbContext))]
[Migration("20261206080000_CallRecords")]
internal sealed class CallRecords : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "Path", table: "voice_calls", maxLength: 1000, nullable: false, defaultValue: "");
        migrationBuilder.AddColumn<int>(name: "Questions", table: "voice_calls", nullable: false, defaultValue: 0);
        migrationBuilder.AddColumn<string>(name: "QuestionsEncrypted", table: "voice_calls", nullable: true);
        migrationBuilder.AddColumn<string>(name: "FaqIds", table: "voice_calls", maxLength: 1000, nullable: false, defaultValue: "");
        migrationBuilder.AddColumn<int>(name: "SmsSent", table: "voice_calls", nullable: false, defaultValue: 0);
        migrationBuilder.AddColumn<DateTime>(name: "QueuedAtUtc", table: "voice_calls", nullable: true);
        migrationBuilder.AddColumn<Guid>(name: "AgentId", table: "voice_calls", nullable: true);
        migrationBuilder.AddColumn<DateTime>(name: "AgentJoinedAtUtc", table: "voice_calls", nullable: true);
        migrationBuilder.AddColumn<string>(name: "DepartmentNumber", table: "voice_calls", maxLength: 32, nullable: true);
        migrationBuilder.AddColumn<DateTime>(name: "TransferredAtUtc", table: "voice_calls", nullable: true);
        migrationBuilder.AddColumn<string>(name: "Outcome", table: "voice_calls", maxLength: 24, nullable: true);
        migrationBuilder.CreateIndex("IX_voice_calls_StartedAtUtc", "voice_calls", "StartedAtUtc");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_voice_calls_StartedAtUtc", "voice_calls");
        foreach (var column in new[] { "Path", "Questions", "QuestionsEncrypted", "FaqIds", "SmsSent", "QueuedAtUtc", "AgentId", "AgentJoinedAtUtc", "DepartmentNumber", "TransferredAtUtc", "Outcome" })
        {
            migrationBuilder.DropColumn(name: column, table: "voice_calls");
        }
    }
}
