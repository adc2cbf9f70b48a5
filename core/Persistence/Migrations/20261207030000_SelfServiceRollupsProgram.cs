using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ConversationHub.Core.Persistence.Migrations;

/// <summary>
/// The self-service roll-ups (bot conversations and FAQ answers per day) get the program (施策, issue 19) as a key
/// column, as the hourly roll-up did in <see cref="ContactHourlyProgram"/>, so the self-service report can filter by
/// program. Rows folded before keep their counts with no program (<see cref="Guid.Empty"/>); SQLite rebuilds both tables.
/// </summary>
[DbContext(typeof(HubDbContext))]
[Migration("20261207030000_SelfServiceRollupsProgram")]
internal sealed class SelfServiceRollupsProgram : Migration
{
    private const string NoProgram = "'00000000-0000-0000-0000-000000000000'";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.IsSqlite())
        {
            // SQLite cannot change a table's key in place: each table is rebuilt with the new key and its rows copied.
            CreateFaqDaily(migrationBuilder, "contact_faq_daily_rebuilt");
            migrationBuilder.Sql(
                $"INSERT INTO contact_faq_daily_rebuilt (\"DayJst\", \"Channel\", \"FaqId\", \"Answers\", \"ProgramId\") SELECT \"DayJst\", \"Channel\", \"FaqId\", \"Answers\", {NoProgram} FROM contact_faq_daily");
            migrationBuilder.DropTable("contact_faq_daily");
            migrationBuilder.RenameTable("contact_faq_daily_rebuilt", newName: "contact_faq_daily");

            CreateBotDaily(migrationBuilder, "contact_bot_daily_rebuilt");
            migrationBuilder.Sql(
                $"INSERT INTO contact_bot_daily_rebuilt (\"DayJst\", \"Channel\", \"BotConversations\", \"HandedOff\", \"ProgramId\") SELECT \"DayJst\", \"Channel\", \"BotConversations\", \"HandedOff\", {NoProgram} FROM contact_bot_daily");
            migrationBuilder.DropTable("contact_bot_daily");
            migrationBuilder.RenameTable("contact_bot_daily_rebuilt", newName: "contact_bot_daily");
            return;
        }

        migrationBuilder.AddColumn<Guid>("ProgramId", "contact_faq_daily", nullable: false, defaultValue: Guid.Empty);
        migrationBuilder.DropPrimaryKey("PK_contact_faq_daily", "contact_faq_daily");
        migrationBuilder.AddPrimaryKey("PK_contact_faq_daily", "contact_faq_daily", ["DayJst", "Channel", "FaqId", "ProgramId"]);
        migrationBuilder.AddColumn<Guid>("ProgramId", "contact_bot_daily", nullable: false, defaultValue: Guid.Empty);
        migrationBuilder.DropPrimaryKey("PK_contact_bot_daily", "contact_bot_daily");
        migrationBuilder.AddPrimaryKey("PK_contact_bot_daily", "contact_bot_daily", ["DayJst", "Channel", "ProgramId"]);
    }

    private static void CreateFaqDaily(MigrationBuilder migrationBuilder, string name) =>
        migrationBuilder.CreateTable(
            name: name,
            columns: table => new
            {
                DayJst = table.Column<DateOnly>(nullable: false),
                Channel = table.Column<string>(maxLength: 16, nullable: false),
                FaqId = table.Column<string>(maxLength: 64, nullable: false),
                Answers = table.Column<int>(nullable: false),
                ProgramId = table.Column<Guid>(nullable: false, defaultValue: Guid.Empty),
            },
            constraints: table => table.PrimaryKey("PK_contact_faq_daily", x => new { x.DayJst, x.Channel, x.FaqId, x.ProgramId }));

    private static void CreateBotDaily(MigrationBuilder migrationBuilder, string name) =>
        migrationBuilder.CreateTable(
            name: name,
            columns: table => new
            {
                DayJst = table.Column<DateOnly>(nullable: false),
                Channel = table.Column<string>(maxLength: 16, nullable: false),
                BotConversations = table.Column<int>(nullable: false),
                HandedOff = table.Column<int>(nullable: false),
                ProgramId = table.Column<Guid>(nullable: false, defaultValue: Guid.Empty),
            },
            constraints: table => table.PrimaryKey("PK_contact_bot_daily", x => new { x.DayJst, x.Channel, x.ProgramId }));

    protected override void Down(MigrationBuilder migrationBuilder) =>
        throw new NotSupportedException("The program dimension of the self-service roll-ups cannot be taken out without merging rows.");
}
