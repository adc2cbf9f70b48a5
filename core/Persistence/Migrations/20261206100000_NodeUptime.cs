using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ConversationHub.Core.Persistence.Migrations;

/// <summary>Operations (issue 18): each node's runs, from its heartbeats, for the availability figure.</summary>
[DbContext(typeof(HubDbContext))]
[Migration("20261206100000_NodeUptime")]
internal sealed class NodeUptimeTable : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "node_uptime",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                NodeId = table.Column<string>(maxLength: 64, nullable: false),
                StartedAtUtc = table.Column<DateTime>(nullable: false),
                LastSeenAtUtc = table.Column<DateTime>(nullable: false),
                StoppedAtUtc = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_node_uptime", x => x.Id));
        migrationBuilder.CreateIndex("IX_node_uptime_StartedAtUtc", "node_uptime", "StartedAtUtc");
        migrationBuilder.CreateIndex("IX_node_uptime_LastSeenAtUtc", "node_uptime", "LastSeenAtUtc");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("node_uptime");
}
