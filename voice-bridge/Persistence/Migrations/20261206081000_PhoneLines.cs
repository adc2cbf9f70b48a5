using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ConversationHub.VoiceBridge.Persistence.Migrations;

/// <summary>
/// The phone lines administrators edit (until now only in configuration, which now seeds them once) and the audit list of
/// their emergency forward (代表電話の切替). Hand-written, provider-neutral.
/// </summary>
[DbContext(typeof(VoiceDbContext))]
[Migration("20261206081000_PhoneLines")]
internal sealed class PhoneLines : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "voice_lines",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Number = table.Column<string>(maxLength: 16, nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                Enabled = table.Column<bool>(nullable: false),
                Greeting = table.Column<string>(maxLength: 500, nullable: true),
                ServiceEndsOn = table.Column<DateOnly>(nullable: true),
                MaxQueueLength = table.Column<int>(nullable: false),
                MaxWaitSeconds = table.Column<int>(nullable: false),
                Languages = table.Column<string>(maxLength: 32, nullable: false),
                EmergencyForwardTo = table.Column<string>(maxLength: 16, nullable: true),
                EmergencyOn = table.Column<bool>(nullable: false),
                EmergencySwitchedBy = table.Column<Guid>(nullable: true),
                EmergencySwitchedAtUtc = table.Column<DateTime>(nullable: true),
                UpdatedAtUtc = table.Column<DateTime>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_voice_lines", x => x.Id));
        migrationBuilder.CreateIndex("IX_voice_lines_Number", "voice_lines", "Number", unique: true);

        migrationBuilder.CreateTable(
            name: "voice_line_switches",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                LineNumber = table.Column<string>(maxLength: 16, nullable: false),
                On = table.Column<bool>(nullable: false),
                ForwardTo = table.Column<string>(maxLength: 16, nullable: true),
                SwitchedBy = table.Column<Guid>(nullable: true),
                SwitchedAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_voice_line_switches", x => x.Id));
        migrationBuilder.CreateIndex("IX_voice_line_switches_SwitchedAtUtc", "voice_line_switches", "SwitchedAtUtc");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("voice_line_switches");
        migrationBuilder.DropTable("voice_lines");
    }
}
