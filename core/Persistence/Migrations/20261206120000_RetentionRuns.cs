using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace ConversationHub.Core.Persistence.Migrations;

/// <summary>Retention (issue 18): one row per kind and day, the claim that lets one node run it and the record of what it did.</summary>
[DbContext(typeof(HubDbContext))]
[Migration("20261206120000_RetentionRuns")]
internal sealed class RetentionRuns : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "retention_runs",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                Kind = table.Column<string>(maxLength: 40, nullable: false),
                DayUtc = table.Column<DateTime>(nullable: false),
                CutoffUtc = table.Column<DateTime>(nullable: false),
                RowsAffected = table.Column<long>(nullable: false),
                StartedAtUtc = table.Column<DateTime>(nullable: false),
                FinishedAtUtc = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_retention_runs", x => x.Id));
        migrationBuilder.CreateIndex("IX_retention_runs_Kind_DayUtc", "retention_runs", ["Kind", "DayUtc"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("retention_runs");
}
