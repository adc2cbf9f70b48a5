using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ConversationHub.Handoff.Persistence.Migrations;

/// <summary>
/// Postal code lookup: the one dataset every node loads into its index (metadata and the compact gzip form).
/// Hand-written and provider-neutral like the other migrations.
/// </summary>
[DbContext(typeof(HandoffDbContext))]
[Migration("20261206010000_PostalCodes")]
internal sealed class PostalCodes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "handoff_postal_datasets",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false),
                SourceName = table.Column<string>(maxLength: 260, nullable: false),
                Format = table.Column<string>(maxLength: 32, nullable: false),
                Sha256 = table.Column<string>(maxLength: 64, nullable: false),
                EntryCount = table.Column<int>(nullable: false),
                CodeCount = table.Column<int>(nullable: false),
                MalformedLines = table.Column<int>(nullable: false),
                LoadedAtUtc = table.Column<DateTime>(nullable: false),
                LoadedBy = table.Column<string>(maxLength: 64, nullable: false),
                Data = table.Column<byte[]>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_handoff_postal_datasets", x => x.Id));
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("handoff_postal_datasets");
}
