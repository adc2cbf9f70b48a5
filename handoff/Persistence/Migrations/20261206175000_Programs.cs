using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ConversationHub.Handoff.Persistence.Migrations;

/// <summary>
/// Programs (施策, issue 19): time-limited services with their own dates, hours, entries (phone numbers, web chat code,
/// LINE keyword), FAQs, languages and team. Their forms, reservations and rosters hang from <c>programs.Id</c>.
/// </summary>
[DbContext(typeof(HandoffDbContext))]
[Migration("20261206175000_Programs")]
internal sealed class Programs : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "programs",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Code = table.Column<string>(maxLength: 32, nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                StartsOn = table.Column<DateOnly>(nullable: false),
                ServiceEndsOn = table.Column<DateOnly>(nullable: false),
                DisposalOn = table.Column<DateOnly>(nullable: false),
                HoursJson = table.Column<string>(maxLength: 4000, nullable: false),
                PhoneNumbers = table.Column<string>(maxLength: 500, nullable: false),
                LineKeyword = table.Column<string>(maxLength: 50, nullable: true),
                FaqCategory = table.Column<string>(maxLength: 200, nullable: true),
                FaqIds = table.Column<string>(maxLength: 4000, nullable: true),
                KeepFaqsAfterEnd = table.Column<bool>(nullable: false, defaultValue: false),
                Languages = table.Column<string>(maxLength: 100, nullable: false),
                TeamId = table.Column<Guid>(nullable: true),
                EndMessage = table.Column<string>(maxLength: 1000, nullable: false),
                AfterEndGuidance = table.Column<string>(maxLength: 1000, nullable: false),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
                ChangedAtUtc = table.Column<DateTime>(nullable: false),
                DisposedAtUtc = table.Column<DateTime>(nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_programs", x => x.Id));
        migrationBuilder.CreateIndex("IX_programs_Code", "programs", "Code", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("programs");
}
