using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ConversationHub.Faq.Persistence.Migrations;

/// <summary>The editors' synonym and variant dictionary.</summary>
[DbContext(typeof(FaqDbContext))]
[Migration("20261123040000_SynonymGroups")]
internal sealed class SynonymGroups : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "faq_synonym_groups",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Terms = table.Column<string>(maxLength: 2000, nullable: false),
                UpdatedAtUtc = table.Column<DateTime>(nullable: false),
                UpdatedBy = table.Column<Guid>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_faq_synonym_groups", x => x.Id));
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("faq_synonym_groups");
}
