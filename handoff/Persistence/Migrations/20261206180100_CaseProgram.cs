using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ConversationHub.Handoff.Persistence.Migrations;

/// <summary>Programs (施策, issue 19): the program a case's conversation came through, for its reports and disposal.</summary>
[DbContext(typeof(HandoffDbContext))]
[Migration("20261206180100_CaseProgram")]
internal sealed class CaseProgram : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<Guid>("ProgramId", "handoff_cases", nullable: true);
        migrationBuilder.CreateIndex("IX_handoff_cases_ProgramId_CreatedAtUtc", "handoff_cases", ["ProgramId", "CreatedAtUtc"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_handoff_cases_ProgramId_CreatedAtUtc", "handoff_cases");
        migrationBuilder.DropColumn("ProgramId", "handoff_cases");
    }
}
