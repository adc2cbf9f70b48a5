using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ConversationHub.Handoff.Persistence.Migrations;

/// <summary>
/// The satisfaction survey (利用者満足度調査, issue 18): the definition's versions, one session per conversation it was
/// offered after (consent, progress), and the answers, free text encrypted (so without a length limit).
/// </summary>
[DbContext(typeof(HandoffDbContext))]
[Migration("20261206170000_SurveyTables")]
internal sealed class SurveyTables : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "handoff_survey_versions",
            columns: table => new
            {
                Number = table.Column<int>(nullable: false),
                Enabled = table.Column<bool>(nullable: false),
                ConsentText = table.Column<string>(maxLength: 500, nullable: false),
                ItemsJson = table.Column<string>(maxLength: 100_000, nullable: false),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
                CreatedBy = table.Column<Guid>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_handoff_survey_versions", x => x.Number));
        migrationBuilder.CreateTable(
            name: "handoff_survey_sessions",
            columns: table => new
            {
                ConversationId = table.Column<Guid>(nullable: false),
                Version = table.Column<int>(nullable: false),
                Channel = table.Column<string>(maxLength: 16, nullable: false),
                AgentId = table.Column<Guid>(nullable: true),
                State = table.Column<string>(maxLength: 16, nullable: false),
                NextItem = table.Column<int>(nullable: false),
                LastSequence = table.Column<long>(nullable: false),
                OfferedAtUtc = table.Column<DateTime>(nullable: false),
                ConsentedAtUtc = table.Column<DateTime>(nullable: true),
                EndedAtUtc = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_handoff_survey_sessions", x => x.ConversationId));
        migrationBuilder.CreateIndex("IX_handoff_survey_sessions_OfferedAtUtc", "handoff_survey_sessions", "OfferedAtUtc");
        migrationBuilder.CreateTable(
            name: "handoff_survey_answers",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ConversationId = table.Column<Guid>(nullable: false),
                Version = table.Column<int>(nullable: false),
                ItemKey = table.Column<string>(maxLength: 32, nullable: false),
                Choice = table.Column<string>(maxLength: 100, nullable: true),
                Score = table.Column<int>(nullable: true),
                Text = table.Column<string>(nullable: true),
                AnsweredAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_handoff_survey_answers", x => x.Id));
        migrationBuilder.CreateIndex("IX_handoff_survey_answers_ConversationId_ItemKey", "handoff_survey_answers", ["ConversationId", "ItemKey"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("handoff_survey_answers");
        migrationBuilder.DropTable("handoff_survey_sessions");
        migrationBuilder.DropTable("handoff_survey_versions");
    }
}
