using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace ConversationHub.Core.Persistence.Migrations;

/// <summary>
/// Contact events (issue 18): what happened to each contact on every channel, in one shape and without personal data,
/// with a unique source key per occurrence; and their hourly roll-up, folded by one node at a time.
/// </summary>
[DbContext(typeof(HubDbContext))]
[Migration("20261206110000_ContactEvents")]
internal sealed class ContactEvents : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "contact_events",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                SourceKey = table.Column<string>(maxLength: 160, nullable: false),
                Kind = table.Column<string>(maxLength: 32, nullable: false),
                OccurredAtUtc = table.Column<DateTime>(nullable: false),
                Channel = table.Column<string>(maxLength: 16, nullable: false),
                ConversationId = table.Column<Guid>(nullable: true),
                CaseId = table.Column<Guid>(nullable: true),
                FaqId = table.Column<string>(maxLength: 64, nullable: true),
                DepartmentId = table.Column<Guid>(nullable: true),
                AgentId = table.Column<Guid>(nullable: true),
                WaitMs = table.Column<long>(nullable: true),
                Category = table.Column<string>(maxLength: 64, nullable: true),
                ProgramId = table.Column<Guid>(nullable: true),
                WrapUpCode = table.Column<string>(maxLength: 64, nullable: true),
                Satisfaction = table.Column<int>(nullable: true),
                RolledUp = table.Column<bool>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_contact_events", x => x.Id));
        migrationBuilder.CreateIndex("IX_contact_events_SourceKey", "contact_events", "SourceKey", unique: true);
        migrationBuilder.CreateIndex("IX_contact_events_RolledUp_Id", "contact_events", ["RolledUp", "Id"]);
        migrationBuilder.CreateIndex("IX_contact_events_ConversationId_Kind", "contact_events", ["ConversationId", "Kind"]);
        migrationBuilder.CreateIndex("IX_contact_events_OccurredAtUtc", "contact_events", "OccurredAtUtc");

        migrationBuilder.CreateTable(
            name: "contact_hourly",
            columns: table => new
            {
                HourStartUtc = table.Column<DateTime>(nullable: false),
                Channel = table.Column<string>(maxLength: 16, nullable: false),
                DepartmentId = table.Column<Guid>(nullable: false),
                Category = table.Column<string>(maxLength: 64, nullable: false),
                Arrived = table.Column<int>(nullable: false),
                BotAnswered = table.Column<int>(nullable: false),
                HandedOff = table.Column<int>(nullable: false),
                Offered = table.Column<int>(nullable: false),
                Answered = table.Column<int>(nullable: false),
                AnsweredWithin10s = table.Column<int>(nullable: false),
                AnswerWaitMsSum = table.Column<long>(nullable: false),
                Abandoned = table.Column<int>(nullable: false),
                AbandonWaitMsSum = table.Column<long>(nullable: false),
                Transferred = table.Column<int>(nullable: false),
                Escalated = table.Column<int>(nullable: false),
                Closed = table.Column<int>(nullable: false),
                Congestion = table.Column<int>(nullable: false),
                SatisfactionCount = table.Column<int>(nullable: false),
                SatisfactionSum = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_contact_hourly", x => new { x.HourStartUtc, x.Channel, x.DepartmentId, x.Category }));
        migrationBuilder.CreateIndex("IX_contact_hourly_DepartmentId_HourStartUtc", "contact_hourly", ["DepartmentId", "HourStartUtc"]);

        migrationBuilder.CreateTable(
            name: "contact_rollup_state",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false),
                Passes = table.Column<long>(nullable: false),
                FoldedEvents = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_contact_rollup_state", x => x.Id));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("contact_rollup_state");
        migrationBuilder.DropTable("contact_hourly");
        migrationBuilder.DropTable("contact_events");
    }
}
