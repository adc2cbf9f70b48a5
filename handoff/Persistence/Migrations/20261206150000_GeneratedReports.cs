using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ConversationHub.Handoff.Persistence.Migrations;

/// <summary>
/// The reports the schedule made and kept (issue 18): kind, period, when claimed and made, CSV and .xlsx bytes; the
/// unique (kind, period) is the claim that makes each report once across nodes.
/// </summary>
[DbContext(typeof(HandoffDbContext))]
[Migration("20261206150000_GeneratedReports")]
internal sealed class GeneratedReports : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "generated_reports",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 16, nullable: false),
                Period = table.Column<string>(maxLength: 32, nullable: false),
                FromDay = table.Column<DateOnly>(nullable: false),
                ToDay = table.Column<DateOnly>(nullable: false),
                ClaimedAtUtc = table.Column<DateTime>(nullable: false),
                GeneratedAtUtc = table.Column<DateTime>(nullable: true),
                Csv = table.Column<byte[]>(nullable: true),
                Xlsx = table.Column<byte[]>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_generated_reports", x => x.Id));
        migrationBuilder.CreateIndex("IX_generated_reports_Kind_Period", "generated_reports", ["Kind", "Period"], unique: true);
        migrationBuilder.CreateIndex("IX_generated_reports_ClaimedAtUtc", "generated_reports", "ClaimedAtUtc");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("generated_reports");
}
