using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ConversationHub.Handoff.Persistence.Migrations;

/// <summary>
/// Reservations of programs (予約, issue 19): settings, places, slots (capacity and booked count, kept by a conditional
/// UPDATE), reservations (name, phone and contact encrypted; the phone's look-up hash), their change history for the
/// daily ledger, the reminders' once-only claims and the kept ledgers.
/// </summary>
[DbContext(typeof(HandoffDbContext))]
[Migration("20261206181000_ProgramReservations")]
internal sealed class ProgramReservations : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "program_reservation_settings",
            columns: table => new
            {
                ProgramId = table.Column<Guid>(nullable: false),
                WhatToBring = table.Column<string>(maxLength: 1000, nullable: false),
                SlotMinutes = table.Column<int>(nullable: false),
                CapacityPerSlot = table.Column<int>(nullable: false),
                BookableDays = table.Column<int>(nullable: false),
                ChangedAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_program_reservation_settings", x => x.ProgramId));
        migrationBuilder.CreateTable(
            name: "program_places",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ProgramId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                Address = table.Column<string>(maxLength: 300, nullable: false),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_program_places", x => x.Id));
        migrationBuilder.CreateIndex("IX_program_places_ProgramId", "program_places", "ProgramId");
        migrationBuilder.CreateTable(
            name: "program_slots",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ProgramId = table.Column<Guid>(nullable: false),
                PlaceId = table.Column<Guid>(nullable: false),
                Day = table.Column<DateOnly>(nullable: false),
                Starts = table.Column<TimeOnly>(nullable: false),
                Ends = table.Column<TimeOnly>(nullable: false),
                Capacity = table.Column<int>(nullable: false),
                Booked = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_program_slots", x => x.Id));
        migrationBuilder.CreateIndex("IX_program_slots_PlaceId_Day_Starts", "program_slots", ["PlaceId", "Day", "Starts"], unique: true);
        migrationBuilder.CreateIndex("IX_program_slots_ProgramId_Day", "program_slots", ["ProgramId", "Day"]);
        migrationBuilder.CreateTable(
            name: "program_reservations",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Number = table.Column<string>(maxLength: 16, nullable: false),
                ProgramId = table.Column<Guid>(nullable: false),
                SlotId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(nullable: false),
                Phone = table.Column<string>(nullable: false),
                PhoneHash = table.Column<string>(maxLength: 80, nullable: false),
                ContactChannel = table.Column<string>(maxLength: 16, nullable: false),
                ContactAddress = table.Column<string>(nullable: true),
                Status = table.Column<string>(maxLength: 16, nullable: false),
                ConversationId = table.Column<Guid>(nullable: true),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
                CreatedBy = table.Column<string>(maxLength: 64, nullable: false),
                ChangedAtUtc = table.Column<DateTime>(nullable: true),
                ChangedBy = table.Column<string>(maxLength: 64, nullable: true),
                CancelledAtUtc = table.Column<DateTime>(nullable: true),
                CancelledBy = table.Column<string>(maxLength: 64, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_program_reservations", x => x.Id));
        migrationBuilder.CreateIndex("IX_program_reservations_Number", "program_reservations", "Number", unique: true);
        migrationBuilder.CreateIndex("IX_program_reservations_SlotId_Status", "program_reservations", ["SlotId", "Status"]);
        migrationBuilder.CreateIndex("IX_program_reservations_ProgramId", "program_reservations", "ProgramId");
        migrationBuilder.CreateTable(
            name: "program_reservation_changes",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ReservationId = table.Column<Guid>(nullable: false),
                ProgramId = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 16, nullable: false),
                SlotId = table.Column<Guid>(nullable: false),
                PreviousSlotId = table.Column<Guid>(nullable: true),
                JapanDay = table.Column<DateOnly>(nullable: false),
                AtUtc = table.Column<DateTime>(nullable: false),
                By = table.Column<string>(maxLength: 64, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_program_reservation_changes", x => x.Id));
        migrationBuilder.CreateIndex("IX_program_reservation_changes_ProgramId_JapanDay", "program_reservation_changes", ["ProgramId", "JapanDay"]);
        migrationBuilder.CreateIndex("IX_program_reservation_changes_ReservationId", "program_reservation_changes", "ReservationId");
        migrationBuilder.CreateTable(
            name: "program_reservation_reminders",
            columns: table => new
            {
                ReservationId = table.Column<Guid>(nullable: false),
                Day = table.Column<DateOnly>(nullable: false),
                ClaimedAtUtc = table.Column<DateTime>(nullable: false),
                SentAtUtc = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_program_reservation_reminders", x => new { x.ReservationId, x.Day }));
        migrationBuilder.CreateTable(
            name: "program_reservation_ledgers",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ProgramId = table.Column<Guid>(nullable: false),
                Day = table.Column<DateOnly>(nullable: false),
                ClaimedAtUtc = table.Column<DateTime>(nullable: false),
                GeneratedAtUtc = table.Column<DateTime>(nullable: true),
                Lines = table.Column<int>(nullable: false),
                Csv = table.Column<byte[]>(nullable: true),
                Xlsx = table.Column<byte[]>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_program_reservation_ledgers", x => x.Id));
        migrationBuilder.CreateIndex("IX_program_reservation_ledgers_ProgramId_Day", "program_reservation_ledgers", ["ProgramId", "Day"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "program_reservation_ledgers", "program_reservation_reminders", "program_reservation_changes", "program_reservations", "program_slots", "program_places", "program_reservation_settings" })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
