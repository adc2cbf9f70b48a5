using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace ConversationHub.Handoff.Persistence.Migrations;

/// <summary>
/// The agent queue (issue 14): agents' presence and console connections, the contact record of each handoff, offers
/// (at most one open per conversation), staff-only notes (encrypted), canned responses, the audit trail and the
/// router's lease. Hand-written and provider-neutral like the other modules' migrations.
/// </summary>
[DbContext(typeof(HandoffDbContext))]
[Migration("20261206000100_AgentQueue")]
internal sealed class AgentQueue : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "handoff_agents",
            columns: table => new
            {
                AgentId = table.Column<Guid>(nullable: false),
                Status = table.Column<string>(maxLength: 16, nullable: false),
                AwayReason = table.Column<string>(maxLength: 32, nullable: true),
                StatusSinceUtc = table.Column<DateTime>(nullable: false),
                IdleSinceUtc = table.Column<DateTime>(nullable: false),
                MaxChats = table.Column<int>(nullable: true),
                Categories = table.Column<string>(maxLength: 2000, nullable: false),
                Languages = table.Column<string>(maxLength: 200, nullable: false),
                DisconnectedAtUtc = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_handoff_agents", x => x.AgentId));

        migrationBuilder.CreateTable(
            name: "handoff_agent_connections",
            columns: table => new
            {
                ConnectionId = table.Column<string>(maxLength: 64, nullable: false),
                AgentId = table.Column<Guid>(nullable: false),
                NodeId = table.Column<string>(maxLength: 64, nullable: false),
                ConnectedAtUtc = table.Column<DateTime>(nullable: false),
                SeenAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_handoff_agent_connections", x => x.ConnectionId));

        migrationBuilder.CreateTable(
            name: "handoff_requests",
            columns: table => new
            {
                ConversationId = table.Column<Guid>(nullable: false),
                Channel = table.Column<string>(maxLength: 16, nullable: false),
                Reason = table.Column<string>(maxLength: 64, nullable: false),
                Category = table.Column<string>(maxLength: 200, nullable: true),
                Language = table.Column<string>(maxLength: 16, nullable: false),
                QueuedAtUtc = table.Column<DateTime>(nullable: false),
                WaitingSinceUtc = table.Column<DateTime>(nullable: false),
                Priority = table.Column<int>(nullable: false),
                Outcome = table.Column<string>(maxLength: 16, nullable: false),
                AnsweredAtUtc = table.Column<DateTime>(nullable: true),
                AgentId = table.Column<Guid>(nullable: true),
                EndedAtUtc = table.Column<DateTime>(nullable: true),
                WrapUpCode = table.Column<string>(maxLength: 32, nullable: true),
                Satisfaction = table.Column<int>(nullable: true),
                SatisfactionComment = table.Column<string>(maxLength: 4000, nullable: true),
                AnnouncedPosition = table.Column<int>(nullable: true),
                AnnouncedAtUtc = table.Column<DateTime>(nullable: true),
                Requeues = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_handoff_requests", x => x.ConversationId));

        migrationBuilder.CreateTable(
            name: "handoff_offers",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ConversationId = table.Column<Guid>(nullable: false),
                AgentId = table.Column<Guid>(nullable: false),
                OfferedAtUtc = table.Column<DateTime>(nullable: false),
                ExpiresAtUtc = table.Column<DateTime>(nullable: false),
                State = table.Column<string>(maxLength: 16, nullable: false),
                ClosedAtUtc = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_handoff_offers", x => x.Id));

        migrationBuilder.CreateTable(
            name: "handoff_notes",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ConversationId = table.Column<Guid>(nullable: false),
                AuthorId = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 16, nullable: false),
                Text = table.Column<string>(maxLength: 8000, nullable: false),
                ToAgentId = table.Column<Guid>(nullable: true),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_handoff_notes", x => x.Id));

        migrationBuilder.CreateTable(
            name: "handoff_canned_responses",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Title = table.Column<string>(maxLength: 100, nullable: false),
                Body = table.Column<string>(maxLength: 2000, nullable: false),
                Category = table.Column<string>(maxLength: 100, nullable: true),
                UpdatedBy = table.Column<Guid>(nullable: false),
                UpdatedAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_handoff_canned_responses", x => x.Id));

        migrationBuilder.CreateTable(
            name: "handoff_audit",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                ActorId = table.Column<Guid>(nullable: true),
                Action = table.Column<string>(maxLength: 32, nullable: false),
                ConversationId = table.Column<Guid>(nullable: false),
                Detail = table.Column<string>(maxLength: 200, nullable: true),
                AtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_handoff_audit", x => x.Id));

        migrationBuilder.CreateTable(
            name: "handoff_leases",
            columns: table => new
            {
                Key = table.Column<string>(maxLength: 64, nullable: false),
                Holder = table.Column<string>(maxLength: 64, nullable: false),
                ExpiresAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_handoff_leases", x => x.Key));

        migrationBuilder.CreateIndex("IX_handoff_agents_Status_IdleSinceUtc", "handoff_agents", ["Status", "IdleSinceUtc"]);
        migrationBuilder.CreateIndex("IX_handoff_agent_connections_AgentId_SeenAtUtc", "handoff_agent_connections", ["AgentId", "SeenAtUtc"]);
        migrationBuilder.CreateIndex("IX_handoff_requests_Outcome_Priority_WaitingSinceUtc", "handoff_requests", ["Outcome", "Priority", "WaitingSinceUtc"]);
        migrationBuilder.CreateIndex("IX_handoff_requests_QueuedAtUtc", "handoff_requests", "QueuedAtUtc");
        migrationBuilder.CreateIndex("IX_handoff_offers_open_per_conversation", "handoff_offers", "ConversationId", unique: true, filter: "\"State\" = 'Open'");
        migrationBuilder.CreateIndex("IX_handoff_offers_AgentId_State", "handoff_offers", ["AgentId", "State"]);
        migrationBuilder.CreateIndex("IX_handoff_offers_State_ExpiresAtUtc", "handoff_offers", ["State", "ExpiresAtUtc"]);
        migrationBuilder.CreateIndex("IX_handoff_notes_ConversationId_CreatedAtUtc", "handoff_notes", ["ConversationId", "CreatedAtUtc"]);
        migrationBuilder.CreateIndex("IX_handoff_audit_ConversationId_Id", "handoff_audit", ["ConversationId", "Id"]);
        migrationBuilder.CreateIndex("IX_handoff_audit_AtUtc", "handoff_audit", "AtUtc");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("handoff_leases");
        migrationBuilder.DropTable("handoff_audit");
        migrationBuilder.DropTable("handoff_canned_responses");
        migrationBuilder.DropTable("handoff_notes");
        migrationBuilder.DropTable("handoff_offers");
        migrationBuilder.DropTable("handoff_requests");
        migrationBuilder.DropTable("handoff_agent_connections");
        migrationBuilder.DropTable("handoff_agents");
    }
}
