using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ConversationHub.Handoff.Persistence.Migrations;

/// <summary>
/// Mail transport: the outbox of replies to citizens (one row per message, its Message-ID unique, its address, subject
/// and body encrypted) and the received mail, stored raw (encrypted) before it is routed, with one row per Maildir
/// file. Hand-written and provider-neutral like the other migrations.
/// </summary>
[DbContext(typeof(HandoffDbContext))]
[Migration("20261206010100_MailTransport")]
internal sealed class MailTransport : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "mail_outbox",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CaseId = table.Column<Guid>(nullable: true),
                MessageId = table.Column<string>(maxLength: 500, nullable: false),
                To = table.Column<string>(nullable: false),
                Subject = table.Column<string>(nullable: false),
                BodyText = table.Column<string>(nullable: false),
                ReplyTo = table.Column<string>(maxLength: 320, nullable: true),
                InReplyTo = table.Column<string>(maxLength: 500, nullable: true),
                References = table.Column<string>(maxLength: 8000, nullable: false),
                State = table.Column<string>(maxLength: 16, nullable: false),
                Attempts = table.Column<int>(nullable: false),
                NextAttemptAtUtc = table.Column<DateTime>(nullable: true),
                LeaseHolder = table.Column<string>(maxLength: 64, nullable: true),
                LeaseUntilUtc = table.Column<DateTime>(nullable: true),
                LastError = table.Column<string>(maxLength: 500, nullable: true),
                SentAtUtc = table.Column<DateTime>(nullable: true),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_mail_outbox", x => x.Id));

        migrationBuilder.CreateTable(
            name: "mail_inbox",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Source = table.Column<string>(maxLength: 16, nullable: false),
                SourceKey = table.Column<string>(maxLength: 300, nullable: true),
                Raw = table.Column<string>(nullable: false),
                Length = table.Column<long>(nullable: false),
                State = table.Column<string>(maxLength: 16, nullable: false),
                Attempts = table.Column<int>(nullable: false),
                NextAttemptAtUtc = table.Column<DateTime>(nullable: true),
                LeaseHolder = table.Column<string>(maxLength: 64, nullable: true),
                LeaseUntilUtc = table.Column<DateTime>(nullable: true),
                LastError = table.Column<string>(maxLength: 500, nullable: true),
                ParseWarning = table.Column<string>(maxLength: 500, nullable: true),
                CaseId = table.Column<Guid>(nullable: true),
                ReceivedAtUtc = table.Column<DateTime>(nullable: false),
                RoutedAtUtc = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_mail_inbox", x => x.Id));

        migrationBuilder.CreateIndex("IX_mail_outbox_MessageId", "mail_outbox", "MessageId", unique: true);
        migrationBuilder.CreateIndex("IX_mail_outbox_State_NextAttemptAtUtc", "mail_outbox", ["State", "NextAttemptAtUtc"]);
        migrationBuilder.CreateIndex("IX_mail_outbox_CaseId_CreatedAtUtc", "mail_outbox", ["CaseId", "CreatedAtUtc"]);
        migrationBuilder.CreateIndex("IX_mail_inbox_SourceKey", "mail_inbox", "SourceKey", unique: true);
        migrationBuilder.CreateIndex("IX_mail_inbox_State_NextAttemptAtUtc", "mail_inbox", ["State", "NextAttemptAtUtc"]);
        migrationBuilder.CreateIndex("IX_mail_inbox_CaseId", "mail_inbox", "CaseId");
        migrationBuilder.CreateIndex("IX_mail_inbox_ReceivedAtUtc", "mail_inbox", "ReceivedAtUtc");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("mail_inbox");
        migrationBuilder.DropTable("mail_outbox");
    }
}
