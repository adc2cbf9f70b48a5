using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ConversationHub.Core.Persistence.Migrations;

/// <summary>
/// The hourly roll-up gets the program (施策, issue 19) as a dimension, so every report can filter by program. Rows
/// folded before have no program (<see cref="Guid.Empty"/>); the key grows by the column (SQLite rebuilds the table).
/// </summary>
[DbContext(typeof(HubDbContext))]
[Migration("20261206185000_ContactHourlyProgram")]
internal sealed class ContactHourlyProgram : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.IsSqlite())
        {
            // SQLite cannot change a table's key in place: the table is rebuilt with the new key and its rows copied.
            CreateTable(migrationBuilder, "contact_hourly_rebuilt");
            migrationBuilder.Sql(
                $"INSERT INTO contact_hourly_rebuilt ({Columns}, \"ProgramId\") SELECT {Columns}, '00000000-0000-0000-0000-000000000000' FROM contact_hourly");
            migrationBuilder.DropTable("contact_hourly");
            migrationBuilder.RenameTable("contact_hourly_rebuilt", newName: "contact_hourly");
            migrationBuilder.CreateIndex("IX_contact_hourly_DepartmentId_HourStartUtc", "contact_hourly", ["DepartmentId", "HourStartUtc"]);
        }
        else
        {
            migrationBuilder.AddColumn<Guid>("ProgramId", "contact_hourly", nullable: false, defaultValue: Guid.Empty);
            migrationBuilder.DropPrimaryKey("PK_contact_hourly", "contact_hourly");
            migrationBuilder.AddPrimaryKey("PK_contact_hourly", "contact_hourly", ["HourStartUtc", "Channel", "DepartmentId", "Category", "ProgramId"]);
        }

        migrationBuilder.CreateIndex("IX_contact_hourly_ProgramId_HourStartUtc", "contact_hourly", ["ProgramId", "HourStartUtc"]);
    }

    private const string Columns =
        "\"HourStartUtc\", \"Channel\", \"DepartmentId\", \"Category\", \"Arrived\", \"BotAnswered\", \"HandedOff\", \"Offered\", "
        + "\"Answered\", \"AnsweredWithin10s\", \"AnswerWaitMsSum\", \"Abandoned\", \"AbandonWaitMsSum\", \"Transferred\", "
        + "\"Escalated\", \"Closed\", \"Congestion\", \"SatisfactionCount\", \"SatisfactionSum\"";

    private static void CreateTable(MigrationBuilder migrationBuilder, string name) =>
        migrationBuilder.CreateTable(
            name: name,
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
                ProgramId = table.Column<Guid>(nullable: false, defaultValue: Guid.Empty),
            },
            constraints: table => table.PrimaryKey("PK_contact_hourly", x => new { x.HourStartUtc, x.Channel, x.DepartmentId, x.Category, x.ProgramId }));

    protected override void Down(MigrationBuilder migrationBuilder) =>
        throw new NotSupportedException("The program dimension of the hourly roll-up cannot be taken out without merging rows.");
}
