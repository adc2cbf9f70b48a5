using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ConversationHub.Handoff.Persistence.Migrations;

/// <summary>
/// Programs' rosters (配布先名簿, issue 19): per program a column layout and the active import; households with their
/// personal fields encrypted; one keyed hash per member (name + date of birth + postal code) for look-ups; the
/// households' delivery statuses and declinations.
/// </summary>
[DbContext(typeof(HandoffDbContext))]
[Migration("20261206182000_ProgramRosters")]
internal sealed class ProgramRosters : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "program_roster_settings",
            columns: table => new
            {
                ProgramId = table.Column<Guid>(nullable: false),
                LayoutJson = table.Column<string>(maxLength: 4000, nullable: false),
                ActiveImportId = table.Column<Guid>(nullable: true),
                ChangedAtUtc = table.Column<DateTime>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_program_roster_settings", x => x.ProgramId));
        migrationBuilder.CreateTable(
            name: "program_roster_imports",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ProgramId = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 16, nullable: false),
                Rows = table.Column<int>(nullable: false),
                ImportedBy = table.Column<string>(maxLength: 256, nullable: false),
                ImportedAtUtc = table.Column<DateTime>(nullable: false),
                State = table.Column<string>(maxLength: 16, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_program_roster_imports", x => x.Id));
        migrationBuilder.CreateIndex("IX_program_roster_imports_ProgramId_ImportedAtUtc", "program_roster_imports", ["ProgramId", "ImportedAtUtc"]);
        migrationBuilder.CreateTable(
            name: "program_roster_households",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ImportId = table.Column<Guid>(nullable: false),
                ProgramId = table.Column<Guid>(nullable: false),
                RowNumber = table.Column<int>(nullable: false),
                HeadHash = table.Column<string>(maxLength: 80, nullable: false),
                NumberHash = table.Column<string>(maxLength: 80, nullable: true),
                HouseholdNumber = table.Column<string>(nullable: true),
                PostalCode = table.Column<string>(nullable: false),
                Address = table.Column<string>(nullable: false),
                Members = table.Column<string>(nullable: false),
                Status = table.Column<string>(maxLength: 16, nullable: true),
                StatusOn = table.Column<DateOnly>(nullable: true),
                DeclinedOn = table.Column<DateOnly>(nullable: true),
                DeclinedAtUtc = table.Column<DateTime>(nullable: true),
                DeclinedBy = table.Column<string>(maxLength: 256, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_program_roster_households", x => x.Id));
        migrationBuilder.CreateIndex("IX_program_roster_households_ImportId_HeadHash", "program_roster_households", ["ImportId", "HeadHash"]);
        migrationBuilder.CreateIndex("IX_program_roster_households_ImportId_NumberHash", "program_roster_households", ["ImportId", "NumberHash"]);
        migrationBuilder.CreateTable(
            name: "program_roster_keys",
            columns: table => new
            {
                ImportId = table.Column<Guid>(nullable: false),
                Hash = table.Column<string>(maxLength: 80, nullable: false),
                HouseholdId = table.Column<Guid>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_program_roster_keys", x => new { x.ImportId, x.Hash, x.HouseholdId }));
        migrationBuilder.CreateTable(
            name: "program_roster_events",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ProgramId = table.Column<Guid>(nullable: false),
                HouseholdId = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 16, nullable: false),
                OnDay = table.Column<DateOnly>(nullable: false),
                By = table.Column<string>(maxLength: 256, nullable: false),
                ImportId = table.Column<Guid>(nullable: true),
                AtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_program_roster_events", x => x.Id));
        migrationBuilder.CreateIndex("IX_program_roster_events_HouseholdId_OnDay", "program_roster_events", ["HouseholdId", "OnDay"]);
        migrationBuilder.CreateIndex("IX_program_roster_events_ProgramId", "program_roster_events", "ProgramId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("program_roster_events");
        migrationBuilder.DropTable("program_roster_keys");
        migrationBuilder.DropTable("program_roster_households");
        migrationBuilder.DropTable("program_roster_imports");
        migrationBuilder.DropTable("program_roster_settings");
    }
}
