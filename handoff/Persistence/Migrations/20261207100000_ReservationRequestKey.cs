using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ConversationHub.Handoff.Persistence.Migrations;

/// <summary>
/// Reservations (issue 19): the caller's request key of a booking, unique, so a booking step retried after a crash (the
/// bot's turn) finds the reservation it made instead of booking a second one. Existing rows have none (NULLs do not
/// collide in a unique index on SQLite or PostgreSQL).
/// </summary>
[DbContext(typeof(HandoffDbContext))]
[Migration("20261207100000_ReservationRequestKey")]
internal sealed class ReservationRequestKey : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("RequestKey", "program_reservations", maxLength: 100, nullable: true);
        migrationBuilder.CreateIndex("IX_program_reservations_RequestKey", "program_reservations", "RequestKey", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_program_reservations_RequestKey", "program_reservations");
        migrationBuilder.DropColumn("RequestKey", "program_reservations");
    }
}
