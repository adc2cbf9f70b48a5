using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ConversationHub.Faq.Persistence.Migrations;

/// <summary>Searches per Japan-time day and normalised term (counts only; personal-looking queries are never stored).</summary>
[DbContext(typeof(FaqDbContext))]
[Migration("20261206160100_SearchTermCounts")]
internal sealed class SearchTermCounts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateTable(
            name: "faq_search_terms",
            columns: table => new
            {
                DayJst = table.Column<DateOnly>(nullable: false),
                Term = table.Column<string>(maxLength: 40, nullable: false),
                Searches = table.Column<int>(nullable: false),
                NoResult = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_faq_search_terms", x => new { x.DayJst, x.Term }));

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("faq_search_terms");
}
