using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ConversationHub.Handoff.Persistence.Migrations;

/// <summary>
/// The evidence of programs' data disposals (廃棄記録, issue 19): one row per program, counts per kind of data disposed
/// of and left, the database's state afterwards. No personal data.
/// </summary>
[DbContext(typeof(HandoffDbContext))]
[Migration("20261206184000_ProgramDisposals")]
internal sealed class ProgramDisposals : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "program_disposals",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ProgramId = table.Column<Guid>(nullable: false),
                ProgramCode = table.Column<string>(maxLength: 32, nullable: false),
                ProgramName = table.Column<string>(maxLength: 100, nullable: false),
                DisposalOn = table.Column<DateOnly>(nullable: false),
                Trigger = table.Column<string>(maxLength: 16, nullable: false),
                ByStaffId = table.Column<Guid>(nullable: true),
                ByName = table.Column<string>(maxLength: 256, nullable: true),
                StartedAtUtc = table.Column<DateTime>(nullable: false),
                FinishedAtUtc = table.Column<DateTime>(nullable: true),
                DisposedJson = table.Column<string>(maxLength: 4000, nullable: false),
                RemainingJson = table.Column<string>(maxLength: 4000, nullable: false),
                DatabaseState = table.Column<string>(maxLength: 4000, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_program_disposals", x => x.Id));
        migrationBuilder.CreateIndex("IX_program_disposals_ProgramId", "program_disposals", "ProgramId", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("program_disposals");
}
