using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ConversationHub.Core.Persistence.Migrations;

/// <summary>
/// Programs (施策, issue 19): the program a conversation entered through, indexed for the program's reports and
/// disposal (its conversations by time).
/// </summary>
[DbContext(typeof(HubDbContext))]
[Migration("20261206180000_ConversationProgram")]
internal sealed class ConversationProgram : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<Guid>("ProgramId", "conversations", nullable: true);
        migrationBuilder.CreateIndex("IX_conversations_ProgramId_CreatedAtUtc", "conversations", ["ProgramId", "CreatedAtUtc"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_conversations_ProgramId_CreatedAtUtc", "conversations");
        migrationBuilder.DropColumn("ProgramId", "conversations");
    }
}
