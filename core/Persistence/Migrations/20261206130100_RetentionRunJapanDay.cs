using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ConversationHub.Core.Persistence.Migrations;

/// <summary>
/// Retention runs are claimed per Japan day, not per UTC day: the column holds the start of the city's day (0:00 JST as
/// its UTC instant), so the daily run happens after the city's midnight rather than at 9:00 in the morning.
/// </summary>
[DbContext(typeof(HubDbContext))]
[Migration("20261206130100_RetentionRunJapanDay")]
internal sealed class RetentionRunJapanDay : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_retention_runs_Kind_DayUtc", "retention_runs");
        migrationBuilder.RenameColumn("DayUtc", "retention_runs", "DayStartUtc");
        migrationBuilder.CreateIndex("IX_retention_runs_Kind_DayStartUtc", "retention_runs", ["Kind", "DayStartUtc"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_retention_runs_Kind_DayStartUtc", "retention_runs");
        migrationBuilder.RenameColumn("DayStartUtc", "retention_runs", "DayUtc");
        migrationBuilder.CreateIndex("IX_retention_runs_Kind_DayUtc", "retention_runs", ["Kind", "DayUtc"], unique: true);
    }
}
