using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ConversationHub.Handoff.Persistence.Migrations;

/// <summary>
/// A program's texts in its other languages (issue 19): name, end message, after-end guidance and 持ち物 in English,
/// Chinese or Korean, one row per program and language. No personal data.
/// </summary>
[DbContext(typeof(HandoffDbContext))]
[Migration("20261207020000_ProgramTexts")]
internal sealed class ProgramTexts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "program_texts",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ProgramId = table.Column<Guid>(nullable: false),
                Language = table.Column<string>(maxLength: 8, nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: true),
                EndMessage = table.Column<string>(maxLength: 1000, nullable: true),
                AfterEndGuidance = table.Column<string>(maxLength: 1000, nullable: true),
                WhatToBring = table.Column<string>(maxLength: 1000, nullable: true),
                ChangedAtUtc = table.Column<DateTime>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_program_texts", x => x.Id));
        migrationBuilder.CreateIndex("IX_program_texts_ProgramId_Language", "program_texts", ["ProgramId", "Language"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("program_texts");
}
