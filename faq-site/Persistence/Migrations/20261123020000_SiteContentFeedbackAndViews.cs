using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace ConversationHub.Faq.Persistence.Migrations;

/// <summary>
/// Related links, attachment metadata, revision history, citizen feedback (comment encrypted) and daily view
/// counts. Hand-written and provider-neutral like the initial migration.
/// </summary>
[DbContext(typeof(FaqDbContext))]
[Migration("20261123020000_SiteContentFeedbackAndViews")]
internal sealed class SiteContentFeedbackAndViews : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "faq_related_links",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                FaqId = table.Column<Guid>(nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                Url = table.Column<string>(maxLength: 2000, nullable: false),
                SortOrder = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_faq_related_links", x => x.Id);
                table.ForeignKey("FK_faq_related_links_faqs_FaqId", x => x.FaqId, "faqs", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "faq_attachments",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                FaqId = table.Column<Guid>(nullable: false),
                FileName = table.Column<string>(maxLength: 255, nullable: false),
                ContentType = table.Column<string>(maxLength: 100, nullable: false),
                SizeBytes = table.Column<long>(nullable: false),
                StorageKey = table.Column<string>(maxLength: 200, nullable: false),
                SortOrder = table.Column<int>(nullable: false),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_faq_attachments", x => x.Id);
                table.ForeignKey("FK_faq_attachments_faqs_FaqId", x => x.FaqId, "faqs", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "faq_revisions",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                FaqId = table.Column<Guid>(nullable: false),
                Number = table.Column<int>(nullable: false),
                EditorUserId = table.Column<Guid>(nullable: true),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
                SnapshotJson = table.Column<string>(nullable: false),
                ChangeNote = table.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_faq_revisions", x => x.Id);
                table.ForeignKey("FK_faq_revisions_faqs_FaqId", x => x.FaqId, "faqs", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "faq_feedback",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                FaqId = table.Column<Guid>(nullable: false),
                Helpful = table.Column<bool>(nullable: false),
                Comment = table.Column<string>(maxLength: 8000, nullable: true),
                Channel = table.Column<string>(maxLength: 16, nullable: false),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_faq_feedback", x => x.Id);
                table.ForeignKey("FK_faq_feedback_faqs_FaqId", x => x.FaqId, "faqs", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "faq_view_counts",
            columns: table => new
            {
                FaqId = table.Column<Guid>(nullable: false),
                Day = table.Column<DateOnly>(nullable: false),
                Count = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_faq_view_counts", x => new { x.FaqId, x.Day });
                table.ForeignKey("FK_faq_view_counts_faqs_FaqId", x => x.FaqId, "faqs", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_faq_related_links_FaqId_SortOrder", "faq_related_links", ["FaqId", "SortOrder"]);
        migrationBuilder.CreateIndex("IX_faq_attachments_FaqId_SortOrder", "faq_attachments", ["FaqId", "SortOrder"]);
        migrationBuilder.CreateIndex("IX_faq_attachments_StorageKey", "faq_attachments", "StorageKey", unique: true);
        migrationBuilder.CreateIndex("IX_faq_revisions_FaqId_Number", "faq_revisions", ["FaqId", "Number"], unique: true);
        migrationBuilder.CreateIndex("IX_faq_feedback_FaqId_CreatedAtUtc", "faq_feedback", ["FaqId", "CreatedAtUtc"]);
        migrationBuilder.CreateIndex("IX_faq_view_counts_Day", "faq_view_counts", "Day");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("faq_view_counts");
        migrationBuilder.DropTable("faq_feedback");
        migrationBuilder.DropTable("faq_revisions");
        migrationBuilder.DropTable("faq_attachments");
        migrationBuilder.DropTable("faq_related_links");
    }
}
