using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ConversationHub.Faq.Persistence.Migrations;

/// <summary>Questions and confident first answers per hour and channel (counts only), for the editors' charts.</summary>
[DbContext(typeof(FaqDbContext))]
[Migration("20261206000400_FaqQuestionCounts")]
internal sealed class FaqQuestionCounts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateTable(
            name: "faq_question_counts",
            columns: table => new
            {
                HourUtc = table.Column<DateTime>(nullable: false),
                Channel = table.Column<string>(maxLength: 16, nullable: false),
                Questions = table.Column<int>(nullable: false),
                Confident = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_faq_question_counts", x => new { x.HourUtc, x.Channel }));

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("faq_question_counts");
}
