using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ConversationHub.Faq.Persistence.Migrations;

/// <summary>
/// Attachment bytes move into the database (one row per attachment), so that several nodes on one PostgreSQL
/// serve the same files without a shared folder. Hand-written and provider-neutral like the others.
/// </summary>
[DbContext(typeof(FaqDbContext))]
[Migration("20261124000200_AttachmentContents")]
internal sealed class AttachmentContents : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "faq_attachment_contents",
            columns: table => new
            {
                AttachmentId = table.Column<Guid>(nullable: false),
                Bytes = table.Column<byte[]>(nullable: false),
                Sha256 = table.Column<string>(maxLength: 64, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_faq_attachment_contents", x => x.AttachmentId);
                table.ForeignKey("FK_faq_attachment_contents_faq_attachments_AttachmentId", x => x.AttachmentId, "faq_attachments", "Id", onDelete: ReferentialAction.Cascade);
            });
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("faq_attachment_contents");
}
