using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace ConversationHub.Bot.Persistence.Migrations;

/// <summary>
/// The LINE channel: the webhook inbox (user ids and event bodies encrypted, a blind index for ordering), the
/// outbox of deliveries with their retry keys, and the leases that let several nodes share the work.
/// Hand-written and provider-neutral like the other modules' migrations.
/// </summary>
[DbContext(typeof(BotDbContext))]
[Migration("20261124000400_LineChannel")]
internal sealed class LineChannel : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "line_webhook_events",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                WebhookEventId = table.Column<string>(maxLength: 64, nullable: false),
                EventType = table.Column<string>(maxLength: 32, nullable: false),
                UserId = table.Column<string>(maxLength: 512, nullable: true),
                UserHash = table.Column<string>(maxLength: 80, nullable: false),
                EventJson = table.Column<string>(nullable: false),
                OccurredAtUtc = table.Column<DateTime>(nullable: false),
                ReceivedAtUtc = table.Column<DateTime>(nullable: false),
                State = table.Column<string>(maxLength: 16, nullable: false),
                Attempts = table.Column<int>(nullable: false),
                ProcessedAtUtc = table.Column<DateTime>(nullable: true),
                ReplyTokenUsedAtUtc = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_line_webhook_events", x => x.Id));

        migrationBuilder.CreateTable(
            name: "line_deliveries",
            columns: table => new
            {
                ActivityId = table.Column<Guid>(nullable: false),
                ConversationId = table.Column<Guid>(nullable: false),
                Sequence = table.Column<long>(nullable: false),
                State = table.Column<string>(maxLength: 16, nullable: false),
                Attempts = table.Column<int>(nullable: false),
                NextAttemptAtUtc = table.Column<DateTime>(nullable: true),
                RetryKey = table.Column<Guid>(nullable: true),
                Method = table.Column<string>(maxLength: 8, nullable: true),
                LastError = table.Column<string>(maxLength: 300, nullable: true),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
                UpdatedAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_line_deliveries", x => x.ActivityId));

        migrationBuilder.CreateTable(
            name: "line_leases",
            columns: table => new
            {
                Key = table.Column<string>(maxLength: 120, nullable: false),
                Holder = table.Column<string>(maxLength: 64, nullable: false),
                ExpiresAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_line_leases", x => x.Key));

        migrationBuilder.CreateIndex("IX_line_webhook_events_WebhookEventId", "line_webhook_events", "WebhookEventId", unique: true);
        migrationBuilder.CreateIndex("IX_line_webhook_events_State_UserHash_Id", "line_webhook_events", ["State", "UserHash", "Id"]);
        migrationBuilder.CreateIndex("IX_line_deliveries_State_NextAttemptAtUtc", "line_deliveries", ["State", "NextAttemptAtUtc"]);
        migrationBuilder.CreateIndex("IX_line_deliveries_ConversationId_Sequence", "line_deliveries", ["ConversationId", "Sequence"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("line_leases");
        migrationBuilder.DropTable("line_deliveries");
        migrationBuilder.DropTable("line_webhook_events");
    }
}
