using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ConversationHub.Handoff.Persistence.Migrations;

/// <summary>
/// Administering reservations (issue 19): a slot can be closed, a place removed (kept for the ledger), and LINE/SMS
/// notices get a durable outbox (address and text encrypted, cleared once sent).
/// </summary>
[DbContext(typeof(HandoffDbContext))]
[Migration("20261207050000_ReservationAdministration")]
internal sealed class ReservationAdministration : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<bool>("Closed", "program_slots", nullable: false, defaultValue: false);
        migrationBuilder.AddColumn<DateTime>("RemovedAtUtc", "program_places", nullable: true);
        migrationBuilder.CreateTable(
            name: "program_reservation_notices",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ProgramId = table.Column<Guid>(nullable: false),
                ReservationId = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 16, nullable: false),
                Channel = table.Column<string>(maxLength: 16, nullable: false),
                Address = table.Column<string>(nullable: true),
                Text = table.Column<string>(nullable: true),
                State = table.Column<string>(maxLength: 16, nullable: false),
                Attempts = table.Column<int>(nullable: false),
                NextAttemptAtUtc = table.Column<DateTime>(nullable: true),
                LeaseHolder = table.Column<string>(maxLength: 64, nullable: true),
                LeaseUntilUtc = table.Column<DateTime>(nullable: true),
                LastError = table.Column<string>(maxLength: 64, nullable: true),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
                SentAtUtc = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_program_reservation_notices", x => x.Id));
        migrationBuilder.CreateIndex("IX_program_reservation_notices_State_NextAttemptAtUtc", "program_reservation_notices", ["State", "NextAttemptAtUtc"]);
        migrationBuilder.CreateIndex("IX_program_reservation_notices_ProgramId_State", "program_reservation_notices", ["ProgramId", "State"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("program_reservation_notices");
        migrationBuilder.DropColumn("RemovedAtUtc", "program_places");
        migrationBuilder.DropColumn("Closed", "program_slots");
    }
}
