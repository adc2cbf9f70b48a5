using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ConversationHub.Handoff.Persistence.Migrations;

/// <summary>
/// Callbacks on cases (架電, issue 16): the 発信中 flag (which attempt, who, since when) and the re-dial reservation
/// (when, who, an encrypted note, so no length limit), with an index for the team's list sorted by due time.
/// </summary>
[DbContext(typeof(HandoffDbContext))]
[Migration("20261206083000_CaseCallbacks")]
internal sealed class CaseCallbacks : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<Guid>(name: "DialingAttemptId", table: "handoff_cases", nullable: true);
        migrationBuilder.AddColumn<Guid>(name: "DialingById", table: "handoff_cases", nullable: true);
        migrationBuilder.AddColumn<DateTime>(name: "DialingSinceUtc", table: "handoff_cases", nullable: true);
        migrationBuilder.AddColumn<DateTime>(name: "RedialDueUtc", table: "handoff_cases", nullable: true);
        migrationBuilder.AddColumn<Guid>(name: "RedialById", table: "handoff_cases", nullable: true);
        migrationBuilder.AddColumn<string>(name: "RedialNote", table: "handoff_cases", nullable: true);
        migrationBuilder.CreateIndex("IX_handoff_cases_RedialDueUtc", "handoff_cases", "RedialDueUtc");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_handoff_cases_RedialDueUtc", "handoff_cases");
        foreach (var column in new[] { "DialingAttemptId", "DialingById", "DialingSinceUtc", "RedialDueUtc", "RedialById", "RedialNote" })
        {
            migrationBuilder.DropColumn(name: column, table: "handoff_cases");
        }
    }
}
