using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ConversationHub.Core.Persistence.Migrations;

/// <summary>
/// Programs in other languages (施策, issue 19): the language the citizen chose, for the bot's prompts and answers, the
/// console and routing by language skill. Existing conversations were all Japanese.
/// </summary>
[DbContext(typeof(HubDbContext))]
[Migration("20261207000000_ConversationLanguage")]
internal sealed class ConversationLanguage : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<string>("Language", "conversations", maxLength: 8, nullable: false, defaultValue: "ja");

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropColumn("Language", "conversations");
}
