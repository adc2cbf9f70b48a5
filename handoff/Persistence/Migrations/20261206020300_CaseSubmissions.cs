using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ConversationHub.Handoff.Persistence.Migrations;

/// <summary>
/// The one-time keys that made cases (the inquiry form's submission id, a chat turn's id): a repeated submission finds
/// its first case instead of making a second.
/// </summary>
[DbContext(typeof(HandoffDbContext))]
[Migration("20261206020300_CaseSubmissions")]
internal sealed class CaseSubmissions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "handoff_case_submissions",
            columns: table => new
            {
                Key = table.Column<string>(maxLength: 64, nullable: false),
                CaseId = table.Column<Guid>(nullable: false),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_handoff_case_submissions", x => x.Key));
        migrationBuilder.CreateIndex("IX_handoff_case_submissions_CaseId", "handoff_case_submissions", "CaseId");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("handoff_case_submissions");
}
