using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace ConversationHub.Faq.Persistence.Migrations;

/// <summary>
/// The zero-hit and low-confidence search log: masked queries only, no user or session. Hand-written and
/// provider-neutral like the others.
/// </summary>
[DbContext(typeof(FaqDbContext))]
[Migration("20261123050000_SearchMisses")]
internal sealed class SearchMisses : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "faq_search_misses",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                MaskedQuery = table.Column<string>(maxLength: 200, nullable: false),
                Kind = table.Column<string>(maxLength: 16, nullable: false),
                TopScore = table.Column<float>(nullable: true),
                ResultCount = table.Column<int>(nullable: false),
                Channel = table.Column<string>(maxLength: 16, nullable: false),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_faq_search_misses", x => x.Id));

        migrationBuilder.CreateIndex("IX_faq_search_misses_CreatedAtUtc", "faq_search_misses", "CreatedAtUtc");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("faq_search_misses");
}
