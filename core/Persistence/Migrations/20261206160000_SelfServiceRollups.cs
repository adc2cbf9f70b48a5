using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ConversationHub.Core.Persistence.Migrations;

/// <summary>
/// The self-service roll-ups (issue 18): the bot's answers per day, channel and FAQ, and the conversations the bot
/// answered per day and channel with those of them handed off. Folded with the hourly roll-up from now on; events
/// folded before this migration are not counted again.
/// </summary>
[DbContext(typeof(HubDbContext))]
[Migration("20261206160000_SelfServiceRollups")]
internal sealed class SelfServiceRollups : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "contact_faq_daily",
            columns: table => new
            {
                DayJst = table.Column<DateOnly>(nullable: false),
                Channel = table.Column<string>(maxLength: 16, nullable: false),
                FaqId = table.Column<string>(maxLength: 64, nullable: false),
                Answers = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_contact_faq_daily", x => new { x.DayJst, x.Channel, x.FaqId }));
        migrationBuilder.CreateTable(
            name: "contact_bot_daily",
            columns: table => new
            {
                DayJst = table.Column<DateOnly>(nullable: false),
                Channel = table.Column<string>(maxLength: 16, nullable: false),
                BotConversations = table.Column<int>(nullable: false),
                HandedOff = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_contact_bot_daily", x => new { x.DayJst, x.Channel }));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("contact_bot_daily");
        migrationBuilder.DropTable("contact_faq_daily");
    }
}
