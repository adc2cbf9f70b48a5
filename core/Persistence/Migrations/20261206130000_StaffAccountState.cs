using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ConversationHub.Core.Persistence.Migrations;

/// <summary>
/// User administration (issue 18): an administrator's password reset makes the user choose a new one at the next
/// sign-in, and an account is disabled rather than deleted, so the cases and audit entries that name it stay.
/// </summary>
[DbContext(typeof(HubDbContext))]
[Migration("20261206130000_StaffAccountState")]
internal sealed class StaffAccountState : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<bool>("MustChangePassword", "users", nullable: false, defaultValue: false);
        migrationBuilder.AddColumn<DateTime>("DisabledAtUtc", "users", nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn("DisabledAtUtc", "users");
        migrationBuilder.DropColumn("MustChangePassword", "users");
    }
}
