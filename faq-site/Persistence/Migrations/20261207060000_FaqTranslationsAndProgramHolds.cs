using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ConversationHub.Faq.Persistence.Migrations;

/// <summary>
/// FAQ translations (英語・中国語・韓国語, one row per FAQ and language) and the FAQs withheld after their programs'
/// end of service. Hand-written and provider-neutral like the others.
/// </summary>
[DbContext(typeof(FaqDbContext))]
[Migration("20261207060000_FaqTranslationsAndProgramHolds")]
internal sealed class FaqTranslationsAndProgramHolds : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "faq_translations",
            columns: table => new
            {
                FaqId = table.Column<Guid>(nullable: false),
                Language = table.Column<string>(maxLength: 8, nullable: false),
                Question = table.Column<string>(maxLength: 500, nullable: false),
                AnswerMarkdown = table.Column<string>(maxLength: 20000, nullable: false),
                UpdatedAtUtc = table.Column<DateTime>(nullable: false),
                UpdatedByUserId = table.Column<Guid>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_faq_translations", x => new { x.FaqId, x.Language });
                table.ForeignKey("FK_faq_translations_faqs_FaqId", x => x.FaqId, "faqs", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_faq_translations_Language", "faq_translations", "Language");

        migrationBuilder.CreateTable(
            name: "faq_program_holds",
            columns: table => new
            {
                FaqId = table.Column<Guid>(nullable: false),
                WithheldFromUtc = table.Column<DateTime>(nullable: false),
                Programs = table.Column<string>(maxLength: 500, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_faq_program_holds", x => x.FaqId);
                table.ForeignKey("FK_faq_program_holds_faqs_FaqId", x => x.FaqId, "faqs", "Id", onDelete: ReferentialAction.Cascade);
            });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("faq_program_holds");
        migrationBuilder.DropTable("faq_translations");
    }
}
