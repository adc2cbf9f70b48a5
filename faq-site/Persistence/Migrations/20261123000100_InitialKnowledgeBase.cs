using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ConversationHub.Faq.Persistence.Migrations;

/// <summary>FAQs, paraphrases, categories and owning departments (provider-neutral, hand-written).</summary>
[DbContext(typeof(FaqDbContext))]
[Migration("20261123000100_InitialKnowledgeBase")]
internal sealed class InitialKnowledgeBase : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "faq_categories",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 16, nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                SortOrder = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_faq_categories", x => x.Id));

        migrationBuilder.CreateTable(
            name: "faqs",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ExternalKey = table.Column<string>(maxLength: 64, nullable: true),
                Question = table.Column<string>(maxLength: 500, nullable: false),
                AnswerMarkdown = table.Column<string>(maxLength: 20000, nullable: false),
                Visibility = table.Column<string>(maxLength: 16, nullable: false),
                Status = table.Column<string>(maxLength: 16, nullable: false),
                PublishFromUtc = table.Column<DateTime>(nullable: true),
                PublishUntilUtc = table.Column<DateTime>(nullable: true),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
                UpdatedAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_faqs", x => x.Id));

        migrationBuilder.CreateTable(
            name: "faq_category_links",
            columns: table => new
            {
                FaqId = table.Column<Guid>(nullable: false),
                CategoryId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_faq_category_links", x => new { x.FaqId, x.CategoryId });
                table.ForeignKey("FK_faq_category_links_faq_categories_CategoryId", x => x.CategoryId, "faq_categories", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_faq_category_links_faqs_FaqId", x => x.FaqId, "faqs", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "faq_owners",
            columns: table => new
            {
                FaqId = table.Column<Guid>(nullable: false),
                DepartmentId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_faq_owners", x => new { x.FaqId, x.DepartmentId });
                table.ForeignKey("FK_faq_owners_faqs_FaqId", x => x.FaqId, "faqs", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "faq_paraphrases",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                FaqId = table.Column<Guid>(nullable: false),
                Text = table.Column<string>(maxLength: 500, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_faq_paraphrases", x => x.Id);
                table.ForeignKey("FK_faq_paraphrases_faqs_FaqId", x => x.FaqId, "faqs", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_faq_categories_Kind_Name", "faq_categories", ["Kind", "Name"], unique: true);
        migrationBuilder.CreateIndex("IX_faq_category_links_CategoryId", "faq_category_links", "CategoryId");
        migrationBuilder.CreateIndex("IX_faq_owners_DepartmentId", "faq_owners", "DepartmentId");
        migrationBuilder.CreateIndex("IX_faq_paraphrases_FaqId", "faq_paraphrases", "FaqId");
        migrationBuilder.CreateIndex("IX_faqs_ExternalKey", "faqs", "ExternalKey", unique: true);
        migrationBuilder.CreateIndex("IX_faqs_Status_Visibility", "faqs", ["Status", "Visibility"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("faq_category_links");
        migrationBuilder.DropTable("faq_owners");
        migrationBuilder.DropTable("faq_paraphrases");
        migrationBuilder.DropTable("faq_categories");
        migrationBuilder.DropTable("faqs");
    }
}
