using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ConversationHub.Handoff.Persistence.Migrations;

/// <summary>
/// Programs (施策, issue 19): the program a handed-off conversation came through, on its contact record, so the offers'
/// contact events carry it. Records made before have none.
/// </summary>
[DbContext(typeof(HandoffDbContext))]
[Migration("20261207040000_HandoffRequestProgram")]
internal sealed class HandoffRequestProgram : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<Guid>("ProgramId", "handoff_requests", nullable: true);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn("ProgramId", "handoff_requests");
}
