using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ConversationHub.Handoff.Persistence.Migrations;

/// <summary>
/// The cases' look-up hashes are <c>h1.</c> and 64 hex digits (67 characters, <see cref="Core.Security.IPiiProtector.ComputeLookupHash"/>):
/// their columns were 64 long, so PostgreSQL refused every case with a contact detail. 80, as the other keyed hashes.
/// SQLite ignores declared lengths (and cannot alter a column in place).
/// </summary>
[DbContext(typeof(HandoffDbContext))]
[Migration("20261206083100_CaseLookupHashLength")]
internal sealed class CaseLookupHashLength : Migration
{
    private static readonly string[] Columns = ["NameHash", "PhoneHash", "EmailHash", "AddressHash"];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.IsNpgsql())
        {
            foreach (var column in Columns)
            {
                migrationBuilder.AlterColumn<string>(column, "handoff_cases", maxLength: 80, nullable: true, oldMaxLength: 64, oldNullable: true);
            }
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.IsNpgsql())
        {
            foreach (var column in Columns)
            {
                migrationBuilder.AlterColumn<string>(column, "handoff_cases", maxLength: 64, nullable: true, oldMaxLength: 80, oldNullable: true);
            }
        }
    }
}
