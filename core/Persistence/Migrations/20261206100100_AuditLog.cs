using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ConversationHub.Core.Persistence.Migrations;

/// <summary>Audit (issue 18): the append-only, hash-chained audit log.</summary>
[DbContext(typeof(HubDbContext))]
[Migration("20261206100100_AuditLog")]
internal sealed class AuditLogTable : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "audit_log",
            columns: table => new
            {
                Sequence = table.Column<long>(nullable: false),
                AtUtc = table.Column<DateTime>(nullable: false),
                ActorId = table.Column<Guid>(nullable: true),
                ActorName = table.Column<string>(nullable: true),
                Action = table.Column<string>(maxLength: 64, nullable: false),
                Target = table.Column<string>(maxLength: 200, nullable: true),
                Detail = table.Column<string>(nullable: true),
                FromAddress = table.Column<string>(nullable: true),
                PreviousHash = table.Column<string>(maxLength: 64, nullable: false),
                Hash = table.Column<string>(maxLength: 64, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_audit_log", x => x.Sequence));
        migrationBuilder.CreateIndex("IX_audit_log_AtUtc", "audit_log", "AtUtc");
        migrationBuilder.CreateIndex("IX_audit_log_Action_AtUtc", "audit_log", ["Action", "AtUtc"]);
        migrationBuilder.CreateIndex("IX_audit_log_ActorId_AtUtc", "audit_log", ["ActorId", "AtUtc"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("audit_log");
}
