using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ConversationHub.Faq.Persistence.Migrations;

/// <summary>
/// FAQ proposals (FAQ 提案) and their decisions; the citizen's question is ciphertext, so its column has no
/// length limit. Hand-written and provider-neutral like the others.
/// </summary>
[DbContext(typeof(FaqDbContext))]
[Migration("20261206000100_FaqProposals")]
internal sealed class FaqProposals : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "faq_proposals",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                FaqId = table.Column<Guid>(nullable: true),
                ProposedQuestion = table.Column<string>(maxLength: 500, nullable: false),
                ProposedAnswer = table.Column<string>(maxLength: 20000, nullable: true),
                CitizenQuestion = table.Column<string>(nullable: true),
                Source = table.Column<string>(maxLength: 16, nullable: false),
                ConversationId = table.Column<Guid>(nullable: true),
                CaseId = table.Column<Guid>(nullable: true),
                ProposedByUserId = table.Column<Guid>(nullable: false),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
                Status = table.Column<string>(maxLength: 16, nullable: false),
                DecidedByUserId = table.Column<Guid>(nullable: true),
                DecidedAtUtc = table.Column<DateTime>(nullable: true),
                RejectReason = table.Column<string>(maxLength: 1000, nullable: true),
                ResultFaqId = table.Column<Guid>(nullable: true),
                ResultRevision = table.Column<int>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_faq_proposals", x => x.Id));
        migrationBuilder.CreateIndex("IX_faq_proposals_Status_CreatedAtUtc", "faq_proposals", ["Status", "CreatedAtUtc"]);
        migrationBuilder.CreateIndex("IX_faq_proposals_CreatedAtUtc", "faq_proposals", "CreatedAtUtc");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("faq_proposals");
}
