using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ConversationHub.Handoff.Persistence.Migrations;

/// <summary>
/// Program forms (代行入力, issue 19): definition versions (an entry keeps the version it was taken on), entries with
/// their answers encrypted and a keyed hash for the duplicate warning, and the daily CSVs (one per form and day,
/// encrypted, claimed once across nodes).
/// </summary>
[DbContext(typeof(HandoffDbContext))]
[Migration("20261206183000_ProgramForms")]
internal sealed class ProgramForms : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "program_form_versions",
            columns: table => new
            {
                FormId = table.Column<Guid>(nullable: false),
                Number = table.Column<int>(nullable: false),
                ProgramId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                PublicAllowed = table.Column<bool>(nullable: false),
                DefinitionJson = table.Column<string>(maxLength: 200000, nullable: false),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
                CreatedBy = table.Column<Guid>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_program_form_versions", x => new { x.FormId, x.Number }));
        migrationBuilder.CreateIndex("IX_program_form_versions_ProgramId", "program_form_versions", "ProgramId");

        migrationBuilder.CreateTable(
            name: "program_form_entries",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                FormId = table.Column<Guid>(nullable: false),
                FormVersion = table.Column<int>(nullable: false),
                ProgramId = table.Column<Guid>(nullable: false),
                Source = table.Column<string>(maxLength: 16, nullable: false),
                ValuesJson = table.Column<string>(nullable: false),
                DuplicateHash = table.Column<string>(maxLength: 100, nullable: true),
                ConversationId = table.Column<Guid>(nullable: true),
                CaseId = table.Column<Guid>(nullable: true),
                TakenBy = table.Column<Guid>(nullable: true),
                TakenAtUtc = table.Column<DateTime>(nullable: false),
                TakenOn = table.Column<DateOnly>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_program_form_entries", x => x.Id));
        migrationBuilder.CreateIndex("IX_program_form_entries_FormId_DuplicateHash", "program_form_entries", ["FormId", "DuplicateHash"]);
        migrationBuilder.CreateIndex("IX_program_form_entries_FormId_TakenOn", "program_form_entries", ["FormId", "TakenOn"]);
        migrationBuilder.CreateIndex("IX_program_form_entries_ProgramId", "program_form_entries", "ProgramId");
        migrationBuilder.CreateIndex("IX_program_form_entries_ConversationId", "program_form_entries", "ConversationId");

        migrationBuilder.CreateTable(
            name: "program_form_exports",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                FormId = table.Column<Guid>(nullable: false),
                ProgramId = table.Column<Guid>(nullable: false),
                Day = table.Column<DateOnly>(nullable: false),
                ClaimedAtUtc = table.Column<DateTime>(nullable: false),
                GeneratedAtUtc = table.Column<DateTime>(nullable: true),
                Rows = table.Column<int>(nullable: false),
                Csv = table.Column<string>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_program_form_exports", x => x.Id));
        migrationBuilder.CreateIndex("IX_program_form_exports_FormId_Day", "program_form_exports", ["FormId", "Day"], unique: true);
        migrationBuilder.CreateIndex("IX_program_form_exports_ProgramId", "program_form_exports", "ProgramId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("program_form_exports");
        migrationBuilder.DropTable("program_form_entries");
        migrationBuilder.DropTable("program_form_versions");
    }
}
