using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ConversationHub.Bot.Persistence.Migrations;

/// <summary>
/// One record of delivery state: whether a LINE message is pending, delivered or failed, its attempts and its next
/// try now live only in core's transcript (<c>conversation_activities</c>), which the sender reads;
/// <c>line_deliveries</c> keeps only the retry key, the method and LINE's last error. The outbox's state is copied
/// into the transcript first (it was the sender's own record, the transcript a mirror that a crash could leave
/// behind), so a message pending before the upgrade is sent after it, under the retry key it already had.
/// Runs after core's migrations (core registers first), so the transcript table exists. Hand-written and
/// provider-neutral like the others: the SQL quotes its identifiers the way both SQLite and PostgreSQL read them.
/// </summary>
[DbContext(typeof(BotDbContext))]
[Migration("20261125000000_LineDeliveryStateInTranscript")]
internal sealed class LineDeliveryStateInTranscript : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql($"""
            UPDATE conversation_activities SET
                "Delivery" = {Outbox("State")},
                "DeliveryAttempts" = {Outbox("Attempts")},
                "NextAttemptAtUtc" = {Outbox("NextAttemptAtUtc")}
            WHERE "Id" IN (SELECT "ActivityId" FROM line_deliveries);
            """);
        // Rows never tried carry nothing LINE-specific: the sender creates one when it first needs it.
        migrationBuilder.Sql("""DELETE FROM line_deliveries WHERE "RetryKey" IS NULL AND "Method" IS NULL AND "LastError" IS NULL;""");

        migrationBuilder.DropIndex("IX_line_deliveries_State_NextAttemptAtUtc", "line_deliveries");
        migrationBuilder.DropIndex("IX_line_deliveries_ConversationId_Sequence", "line_deliveries");
        // Plain ALTER TABLE: EF's SQLite generator refuses DropColumn without a target model (these migrations have
        // none), while SQLite itself (3.35+) and PostgreSQL both drop an unindexed column the same way.
        foreach (var column in (string[])["ConversationId", "Sequence", "State", "Attempts", "NextAttemptAtUtc", "CreatedAtUtc"])
        {
            migrationBuilder.Sql($"""ALTER TABLE line_deliveries DROP COLUMN "{column}";""");
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<Guid>("ConversationId", "line_deliveries", nullable: false, defaultValue: Guid.Empty);
        migrationBuilder.AddColumn<long>("Sequence", "line_deliveries", nullable: false, defaultValue: 0L);
        migrationBuilder.AddColumn<string>("State", "line_deliveries", maxLength: 16, nullable: false, defaultValue: "Pending");
        migrationBuilder.AddColumn<int>("Attempts", "line_deliveries", nullable: false, defaultValue: 0);
        migrationBuilder.AddColumn<DateTime>("NextAttemptAtUtc", "line_deliveries", nullable: true);
        migrationBuilder.AddColumn<DateTime>("CreatedAtUtc", "line_deliveries", nullable: false, defaultValue: DateTime.UnixEpoch);

        // The old sender reads only its outbox, and its sweep adds a pending row for a recent LINE message without one:
        // every outbound LINE message gets its row back, so what was delivered is not sent again.
        migrationBuilder.Sql("""
            INSERT INTO line_deliveries ("ActivityId", "ConversationId", "Sequence", "State", "Attempts", "NextAttemptAtUtc", "CreatedAtUtc", "UpdatedAtUtc")
            SELECT a."Id", a."ConversationId", a."Sequence", a."Delivery", a."DeliveryAttempts", a."TimestampUtc", a."TimestampUtc", a."TimestampUtc"
            FROM conversation_activities a
            WHERE a."Direction" = 'Outbound' AND a."Type" = 'message' AND a."Id" NOT IN (SELECT "ActivityId" FROM line_deliveries)
                AND a."ConversationId" IN (SELECT c."Id" FROM conversations c WHERE c."Channel" = 'Line');
            """);
        migrationBuilder.Sql($"""
            UPDATE line_deliveries SET
                "ConversationId" = {Transcript("ConversationId")},
                "Sequence" = {Transcript("Sequence")},
                "State" = {Transcript("Delivery")},
                "Attempts" = {Transcript("DeliveryAttempts")},
                "NextAttemptAtUtc" = {Transcript("NextAttemptAtUtc")},
                "CreatedAtUtc" = {Transcript("TimestampUtc")}
            WHERE "ActivityId" IN (SELECT "Id" FROM conversation_activities);
            """);

        migrationBuilder.CreateIndex("IX_line_deliveries_State_NextAttemptAtUtc", "line_deliveries", ["State", "NextAttemptAtUtc"]);
        migrationBuilder.CreateIndex("IX_line_deliveries_ConversationId_Sequence", "line_deliveries", ["ConversationId", "Sequence"]);
    }

    private static string Outbox(string column) =>
        $"""(SELECT d."{column}" FROM line_deliveries d WHERE d."ActivityId" = conversation_activities."Id")""";

    private static string Transcript(string column) =>
        $"""(SELECT a."{column}" FROM conversation_activities a WHERE a."Id" = line_deliveries."ActivityId")""";
}
