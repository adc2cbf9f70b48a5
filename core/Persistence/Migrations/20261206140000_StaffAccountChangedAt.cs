using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ConversationHub.Core.Persistence.Migrations;

/// <summary>User administration (issue 18): when an administrator last changed an account, shown in the user list.</summary>
[DbContext(typeof(HubDbContext))]
[Migration("20261206140000_StaffAccountChangedAt")]
internal sealed class StaffAccountChangedAt : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<DateTime>("ChangedAtUtc", "users", nullable: true);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn("ChangedAtUtc", "users");
}
